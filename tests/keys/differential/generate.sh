#!/usr/bin/env bash
# Writes keys.tsv: 200 throwaway RSA keys made by openssl, each in every public form openssl and
# ssh-keygen write, with the kind, bits, exponent and SPKI SHA-256 fingerprint *as openssl reads
# them*. tests/keys_differential.rs checks Linksmith's inspector against every row.
#
# Sizes are mixed so that generating stays cheap (about a minute on 2 cores): 1024 and 2048 bits
# mostly, some 3072 and 4096, and a few unusual exponents. Run: bash tests/keys/differential/generate.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

plan() { # bits exponent count
  for _ in $(seq "$3"); do echo "$1 $2"; done
}
{
  plan 1024 65537 70
  plan 2048 65537 90
  plan 2048 3 5
  plan 2048 17 5
  plan 3072 65537 20
  plan 4096 65537 10
} > "$tmp/plan"

one() { # index bits exponent: writes $tmp/rows.<index>
  local i=$1 bits=$2 e=$3 d="$tmp/k$1"
  mkdir -p "$d"
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$bits" -pkeyopt "rsa_keygen_pubexp:$e" \
    -out "$d/key" 2>/dev/null
  openssl pkey -in "$d/key" -pubout -out "$d/spki.pem"
  local fp got_bits got_e
  fp=$(openssl pkey -pubin -in "$d/spki.pem" -outform DER | openssl dgst -sha256 | sed 's/^.*= //')
  openssl pkey -pubin -in "$d/spki.pem" -noout -text > "$d/text"
  got_bits=$(sed -n 's/.*Public-Key: (\([0-9]*\) bit).*/\1/p' "$d/text")
  got_e=$(sed -n 's/^Exponent: \([0-9]*\) .*/\1/p' "$d/text")
  openssl rsa -pubin -in "$d/spki.pem" -RSAPublicKey_out -out "$d/pkcs1.pem" 2>/dev/null
  openssl req -x509 -new -key "$d/key" -subj "/CN=linksmith differential $i" -days 3650 -out "$d/cert.pem" 2>/dev/null
  # The certificate's key, read back by openssl, must be the same key.
  local cert_fp
  cert_fp=$(openssl x509 -in "$d/cert.pem" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 | sed 's/^.*= //')
  [ "$cert_fp" = "$fp" ] || { echo "certificate $i: key differs" >&2; exit 1; }
  grep -v -- '-----' "$d/spki.pem" | tr -d '\n' > "$d/spki.b64"
  ssh-keygen -i -m PKCS8 -f "$d/spki.pem" > "$d/ssh.pub"
  ssh-keygen -e -m RFC4716 -f "$d/ssh.pub" > "$d/ssh2.pub"
  local name
  name=$(printf 'k%03d-%s-e%s' "$i" "$bits" "$e")
  for form in spki-pem:spki.pem pkcs1-public-pem:pkcs1.pem certificate-pem:cert.pem \
    spki-base64:spki.b64 openssh-public:ssh.pub ssh2-public:ssh2.pub; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${form%%:*}" "$got_bits" "$got_e" "$fp" \
      "$(awk 'BEGIN{ORS="\\n"} {print}' "$d/${form#*:}")"
  done > "$tmp/rows.$(printf '%03d' "$i")"
}
export -f one
export tmp

nl -v0 -w1 -s' ' "$tmp/plan" | xargs -P "$(nproc)" -L1 bash -c 'one "$0" "$1" "$2"'

{
  printf '# Made by generate.sh from openssl %s; every value is what openssl/ssh-keygen wrote or read.\n' \
    "$(openssl version | awk '{print $2}')"
  printf 'name\tkind\tbits\texponent\tfingerprint_sha256\ttext\n'
  cat "$tmp"/rows.*
} > keys.tsv
echo "wrote $(grep -c -v '^#' keys.tsv) rows ($(wc -c < keys.tsv) bytes)"
