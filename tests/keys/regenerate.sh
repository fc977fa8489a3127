#!/usr/bin/env bash
# Regenerates the key fixtures in this directory with openssl and ssh-keygen, and writes
# expected.tsv from openssl's own reading of them (bits and the SPKI SHA-256 fingerprint), so
# tests/keys.rs checks Linksmith against OpenSSL rather than against itself.
#
# Every key here is a throwaway test key. Run from anywhere: bash tests/keys/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rm -f ./*.pem ./*.b64 ./*.pub ./*.key expected.tsv

genrsa() { # bits [exponent] > private PEM
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$1" -pkeyopt "rsa_keygen_pubexp:${2:-65537}" 2>/dev/null
}
# SHA-256 of the SPKI DER of a PEM public key on stdin, as openssl prints it (hex only).
fp() { openssl pkey -pubin -outform DER | openssl dgst -sha256 | sed 's/^.*= //'; }
bits() { openssl pkey -pubin -noout -text | sed -n 's/.*Public-Key: (\([0-9]*\) bit).*/\1/p'; }
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> expected.tsv; }
# row for a file whose public key (as SPKI PEM) is in $3
rsa_row() { row "$1" "$2" "$(bits < "$3")" "$(fp < "$3")"; }

printf 'file\tkind\tbits\tfingerprint_sha256\n' > expected.tsv

for b in 512 1024 2048 3072 4096; do
  genrsa "$b" > "$tmp/rsa-$b.key"
  openssl pkey -in "$tmp/rsa-$b.key" -pubout -out "rsa-$b.pub.pem"
  rsa_row "rsa-$b.pub.pem" spki-pem "rsa-$b.pub.pem"
done
genrsa 2048 3 > "$tmp/rsa-e3.key"
openssl pkey -in "$tmp/rsa-e3.key" -pubout -out rsa-2048-e3.pub.pem
rsa_row rsa-2048-e3.pub.pem spki-pem rsa-2048-e3.pub.pem

# The same 2048-bit key in every other public form.
k=rsa-2048.pub.pem
openssl rsa -pubin -in "$k" -RSAPublicKey_out -out rsa-2048.pkcs1.pub.pem 2>/dev/null
rsa_row rsa-2048.pkcs1.pub.pem pkcs1-public-pem "$k"
grep -v -- '-----' "$k" | tr -d '\n' > rsa-2048.oneline.b64
rsa_row rsa-2048.oneline.b64 spki-base64 "$k"
grep -v -- '-----' "$k" > rsa-2048.wrapped.b64
rsa_row rsa-2048.wrapped.b64 spki-base64 "$k"
grep -v -- '-----' rsa-2048.pkcs1.pub.pem > rsa-2048.pkcs1.b64
rsa_row rsa-2048.pkcs1.b64 pkcs1-public-base64 "$k"
ssh-keygen -i -m PKCS8 -f "$k" | sed 's/$/ fixture@linksmith/' > rsa-2048.ssh.pub
rsa_row rsa-2048.ssh.pub openssh-public "$k"
ssh-keygen -e -m RFC4716 -f rsa-2048.ssh.pub > rsa-2048.ssh2.pub
rsa_row rsa-2048.ssh2.pub ssh2-public "$k"

openssl req -x509 -new -key "$tmp/rsa-2048.key" -subj "/CN=linksmith fixture" -days 3650 \
  -out cert-rsa-2048.pem 2>/dev/null
openssl x509 -in cert-rsa-2048.pem -pubkey -noout > "$tmp/cert.pub"
rsa_row cert-rsa-2048.pem certificate-pem "$tmp/cert.pub"
grep -v -- '-----' cert-rsa-2048.pem > cert-rsa-2048.b64
rsa_row cert-rsa-2048.b64 certificate-base64 "$tmp/cert.pub"

# Private keys: a separate throwaway key, in every form people paste by mistake.
genrsa 2048 > "$tmp/priv.key"
openssl pkey -in "$tmp/priv.key" -out private-pkcs8.key
row private-pkcs8.key private-key-pkcs8 - -
openssl rsa -in "$tmp/priv.key" -traditional -out private-pkcs1.key 2>/dev/null
row private-pkcs1.key private-key-pkcs1 - -
openssl pkcs8 -topk8 -in "$tmp/priv.key" -v2 aes-256-cbc -passout pass:fixture -out private-encrypted.key
row private-encrypted.key private-key-encrypted - -
grep -v -- '-----' private-pkcs8.key > private-pkcs8.b64
row private-pkcs8.b64 private-key-pkcs8 - -
grep -v -- '-----' private-pkcs1.key | tr -d '\n' > private-pkcs1.b64
row private-pkcs1.b64 private-key-pkcs1 - -
ssh-keygen -q -t rsa -b 2048 -N '' -C fixture -f "$tmp/id_rsa"
cp "$tmp/id_rsa" private-openssh.key
row private-openssh.key private-key-openssh - -
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out private-ec.key 2>/dev/null
row private-ec.key private-key-pkcs8 - -

# Not RSA.
openssl pkey -in private-ec.key -pubout -out ec-p256.pub.pem
row ec-p256.pub.pem not-rsa - -
openssl genpkey -algorithm ED25519 | openssl pkey -pubout -out ed25519.pub.pem
row ed25519.pub.pem not-rsa - -
ssh-keygen -q -t ed25519 -N '' -C fixture -f "$tmp/id_ed25519"
cp "$tmp/id_ed25519.pub" ed25519.ssh.pub
row ed25519.ssh.pub not-rsa - -
ssh-keygen -q -t ecdsa -b 256 -N '' -C fixture -f "$tmp/id_ecdsa"
cp "$tmp/id_ecdsa.pub" ecdsa-p256.ssh.pub
row ecdsa-p256.ssh.pub not-rsa - -

echo "wrote $(($(wc -l < expected.tsv) - 1)) fixtures"
