#!/bin/sh
# demo.sh: index the bundled corpus and show what verbatim does with it (`make run`).
set -eu
bin=${1:-build/verbatim}
db=${2:-verbatim.db}
export VERBATIM_DB="$db"

# Commands in bold on a terminal, plain otherwise.
if [ -t 1 ]; then bold=$(printf '\033[1m'); plain=$(printf '\033[0m'); else bold=; plain=; fi

step() {
	printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"
	"$@"
}

# verify answers with its exit status: 0 exact, 3 near, 4 not found
# (docs/cli.md); those are answers, not failures of the demo.
step_verify() {
	printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"
	rc=0
	"$@" || rc=$?
	case $rc in
	0) ;;
	3) echo "(exit status 3: a near match)" ;;
	4) echo "(exit status 4: not found)" ;;
	*) exit "$rc" ;;
	esac
}

echo "verbatim demo: indexing corpus/ into '$db' (set DB=... to change)"
step "$bin" index corpus
echo
echo "(running it again changes nothing: unchanged files are skipped)"
step "$bin" index corpus

step "$bin" search -n 3 sharespan injunction
step "$bin" search -n 3 --per-doc 1 --sort date 'title:tariff'
step "$bin" search -n 2 '"internet providers"' --since 2009
step "$bin" search -n 2 --all 'IFSRP’s damages'
step "$bin" search -n 1 '唱片'
step "$bin" search -n 1 'Vereinbarungen'
step "$bin" search -n 1 'tarrifs'
step "$bin" show -C 0 'ifsrp-2005-sharespan-lawsuit#3'

echo
echo "Who said what, and when:"
step "$bin" quotes -n 3 --speaker marwood
step "$bin" quotes -n 2 --org "internet access providers" tariff
step "$bin" speakers -n 5
step "$bin" search -n 2 'speaker:brackley has:quote appeal'
step "$bin" entities -n 8
step "$bin" extract corpus/meridian-2005-sharespan-sued.txt

echo
echo "Ranked by who and when, a citation list, and where a quote comes from:"
step "$bin" search -n 2 --explain 'what did Brackley say about the appeal in 2007'
step "$bin" cite -f markdown -n 2 'persuade licence'
step_verify "$bin" verify 'we would rather persuade people than sue them'
step "$bin" stats
echo
echo "The same in a browser: $bin serve --db $db   (then open http://127.0.0.1:8080/)"
echo
echo "Try your own: $bin search --help"
