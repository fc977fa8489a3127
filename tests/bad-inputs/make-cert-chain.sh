#!/usr/bin/env bash
# Writes cert-chain.pem: a throwaway leaf certificate followed by the throwaway CA that signed it,
# the shape of a chain someone copies from a TLS tool into the public-key field.
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$t/ca.key" 2>/dev/null
openssl req -x509 -new -key "$t/ca.key" -subj "/CN=linksmith fixture CA" -days 3650 -out "$t/ca.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$t/leaf.key" 2>/dev/null
openssl req -new -key "$t/leaf.key" -subj "/CN=linksmith fixture leaf" -out "$t/leaf.csr"
openssl x509 -req -in "$t/leaf.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial -days 3650 \
  -out "$t/leaf.pem" 2>/dev/null
cat "$t/leaf.pem" "$t/ca.pem" > cert-chain.pem
