#!/bin/sh
# Debian's Chromium with a test policy, seen only by this one browser: the browser runs in a
# private mount namespace where /etc/chromium is the folder named by LINKSMITH_ETC_CHROMIUM (which
# holds policies/managed/*.json). Chromium reads the real, hard-wired policy path; nothing on the
# machine changes, so other Chromium processes (other test runs) never see the test policy.
# Needs root (unshare --mount), as in CI.
set -eu
: "${LINKSMITH_ETC_CHROMIUM:?set LINKSMITH_ETC_CHROMIUM}"
exec unshare --mount --propagation private sh -c \
  'mount --bind "$LINKSMITH_ETC_CHROMIUM" /etc/chromium && exec /usr/bin/chromium "$@"' chromium "$@"
