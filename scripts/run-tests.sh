#!/bin/sh
# run-tests.sh: run meson's test suite in each build dir given and print one closing line.
set -u
passed=0
failed=0
skipped=0
rc=0
for dir in "$@"; do
	echo "== tests in $dir"
	if ! meson test -C "$dir" --print-errorlogs --num-processes 2; then
		rc=1
	fi
	log="$dir/meson-logs/testlog.json"
	if [ -f "$log" ]; then
		p=$(grep -c '"result": "OK"' "$log" || true)
		f=$(grep -c -E '"result": "(FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS)"' "$log" || true)
		s=$(grep -c '"result": "SKIP"' "$log" || true)
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
	fi
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || rc=1
exit $rc
