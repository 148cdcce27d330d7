#!/usr/bin/env bash
# Every file with translatable strings must be listed in po/POTFILES.in, or its strings
# never reach the translators; every listed file must exist; zh_CN.po must be complete.
# TAP output.
top="$1"
cd "$top" || exit 1
echo "1..3"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
missing=$(grep -rlE '(\b_|\bN_|\bC_|\bNC_)\(|translatable="yes"' app core ui resources 2>/dev/null \
          | grep -vE '\.(po|pot)$' | sort | comm -23 - <(echo "$listed"))
if [ -z "$missing" ]; then
  echo "ok 1 - every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok 1 - missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/# /'
fi

gone=""
for f in $listed; do
  [ -e "$f" ] || gone="$gone $f"
done
if [ -z "$gone" ]; then
  echo "ok 2 - every file in po/POTFILES.in exists"
else
  echo "not ok 2 - listed but missing:$gone"
fi

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*|*error*) echo "not ok 3 - po/zh_CN.po is not complete: $stats" ;;
  *) echo "ok 3 - po/zh_CN.po is complete: $stats" ;;
esac
