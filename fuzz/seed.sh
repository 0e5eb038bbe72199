#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds made from real bodies: the generated fixtures, the
# server dialects of errors-wire/tests/dialects, tests/cases and tests/corpus. Run from the
# repository's root; files already there are kept. classify seeds are a status, a
# content-type selector and a body; round_trip seeds a selector, a code and NUL-separated
# strings (see fuzz/src/lib.rs).
set -eu
mkdir -p fuzz/corpus/parse fuzz/corpus/classify fuzz/corpus/round_trip
n=0
for f in fixtures/ampache/api*/*/error-4704.* fixtures/ampache/api*/*/error-401.* \
    fixtures/lastfm/*/error-29.* fixtures/lastfm/*/error-6.* \
    fixtures/subsonic/*/error-40.* fixtures/subsonic/*/error-70.* \
    errors-wire/tests/dialects/*/* tests/cases/bodies/* tests/corpus/data/subsonic/*; do
    case "$f" in *.md|*.tsv) continue ;; esac
    name=$(echo "$f" | tr '/' '_')
    cp "$f" "fuzz/corpus/parse/seed_$name"
    n=$((n + 1))
    # Every third body as a classify seed, with a status and a content type picked in turn.
    if [ $((n % 3)) -eq 0 ]; then
        { printf '\001\223\003'; cat "$f"; } > "fuzz/corpus/classify/seed_$name"
    fi
done
printf '\000\001\310\000' > fuzz/corpus/classify/seed_empty-200
printf '\001\364\005<html><head><title>502 Bad Gateway</title></head></html>' > fuzz/corpus/classify/seed_html-500
printf '\001\223\001{"type":"about:blank","code":5,"error":7}' > fuzz/corpus/classify/seed_problem-403
# round_trip: selector byte (family = bits 0-1, JSON = bit 2, OpenSubsonic = bit 3,
# version = bits 5-7), code (little endian), message NUL action NUL type NUL help URL.
i=0
for sel in '\000' '\004' '\100' '\144' '\001' '\005' '\002' '\006' '\012' '\016' '\003' '\007'; do
    printf "$sel"'\140\022\000\000Not Found: ]]> & <x> "q" \\/ caf\303\251 \360\237\230\200\000album\000filter\000https://example.com/?a=1&b=2' \
        > "fuzz/corpus/round_trip/seed_$i"
    i=$((i + 1))
done
