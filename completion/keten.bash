# keten.bash - bash completion for keten: commands, each command's options,
# option values (languages, formats, rule codes, persona ids) and the files
# a command reads. Installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/keten; to try it in a shell:
#     source completion/keten.bash

_keten_commands="check render overview report compare export new watch chain rules"
# Their Dutch names (src/cli.c), completed too and read as the English one.
_keten_aliases="controleer teken overzicht rapport vergelijk exporteer nieuw volg bekijk ketenmodel regels"

_keten_english() { # command name, English or Dutch
	case $1 in
	controleer) echo check ;; teken) echo render ;; overzicht) echo overview ;;
	rapport) echo report ;; vergelijk) echo compare ;; exporteer) echo export ;;
	nieuw) echo new ;; volg | bekijk) echo watch ;; ketenmodel) echo chain ;;
	regels) echo rules ;; *) echo "$1" ;;
	esac
}

# The options of each command, as src/cli.c accepts them.
_keten_opts_common="--lang --no-color -h --help --version"
_keten_opts_limits="--max-file-size --max-depth --max-stages --max-touchpoints --max-journey-touchpoints --max-text --max-marks"
_keten_opts_check="$_keten_opts_common --format --fail-on --chain --disable -q --quiet $_keten_opts_limits"
_keten_opts_output="-o --output -T --format-image --all-lanes -j --jobs --detail"

_keten_options() { # command
	case $1 in
	"" | watch) echo "$_keten_opts_check $_keten_opts_output" ;;
	check) echo "$_keten_opts_check" ;;
	report) echo "$_keten_opts_check -o --output --all-lanes -j --jobs" ;;
	overview)
		echo "$_keten_opts_common --fail-on --chain --disable -q --quiet $_keten_opts_limits -o --output -T --format-image" ;;
	compare) echo "$_keten_opts_common --format --chain --disable $_keten_opts_limits" ;;
	render)
		echo "$_keten_opts_common --fail-on --chain --disable -q --quiet $_keten_opts_limits $_keten_opts_output --timings --view" ;;
	export) echo "$_keten_opts_common $_keten_opts_limits" ;;
	chain) echo "$_keten_opts_common --chain --dump" ;;
	rules) echo "$_keten_opts_common --format" ;;
	new) echo "$_keten_opts_common -q --quiet --persona" ;;
	esac
}

# True when the option takes a value (written as its next word).
_keten_takes_value() {
	case $1 in
	--lang | --format | --fail-on | --chain | --disable | -o | --output | -T | \
		--format-image | -j | --jobs | --timings | --persona | --view | --detail | --max-*) return 0 ;;
	esac
	return 1
}

_keten_codes() {
	local i
	for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14; do
		printf 'K0%s\n' "$i"
	done
}

# The ids of the personas in personas/ (their file names).
_keten_persona_ids() {
	local f
	for f in personas/*.md personas/*.json; do
		[ -e "$f" ] || continue
		f=${f##*/}
		printf '%s\n' "${f%.*}"
	done
}

# Files that keten reads (*.md, *.json) and folders.
_keten_files() { # cur
	local IFS=$' \t\n'
	compgen -d -- "$1"
	compgen -f -X '!*.md' -- "$1"
	compgen -f -X '!*.json' -- "$1"
}

# Completes the value of option $1; prints the candidates.
_keten_values() { # option, cur
	local IFS=$' \t\n'
	case $1 in
	--lang) compgen -W "nl en" -- "$2" ;;
	--format)
		if [ "$_keten_cmd" = compare ]; then
			compgen -W "text json html" -- "$2"
		else
			compgen -W "text json" -- "$2"
		fi
		;;
	--fail-on) compgen -W "error warning never" -- "$2" ;;
	-T | --format-image) compgen -W "svg png pdf dot" -- "$2" ;;
	--view) compgen -W "pathway map" -- "$2" ;;
	--detail) compgen -W "compact poster" -- "$2" ;;
	--disable)
		local done_part="" last=$2
		if [[ $2 == *,* ]]; then
			done_part=${2%,*},
			last=${2##*,}
		fi
		compgen -W "$(_keten_codes)" -- "$last" | sed "s/^/$done_part/"
		;;
	--chain) compgen -d -- "$2"; compgen -f -X '!*.json' -- "$2" ;;
	-o | --output) compgen -d -- "$2" ;;
	--timings) compgen -f -- "$2" ;;
	--persona) compgen -W "$(_keten_persona_ids)" -- "$2" ;;
	esac
}

# The command (first word that is neither an option nor an option's value)
# and how many arguments precede the word being completed.
_keten_scan() { # sets _keten_cmd, _keten_nargs
	local i=1 w
	_keten_cmd="" _keten_nargs=0
	while [ "$i" -lt "$COMP_CWORD" ]; do
		w=${COMP_WORDS[i]}
		if [[ $w == -* ]]; then
			if [[ $w != *=* ]] && _keten_takes_value "$w"; then
				[ "${COMP_WORDS[i + 1]}" = "=" ] && i=$((i + 1))
				i=$((i + 1))
			fi
		elif [ "$w" = "=" ]; then
			i=$((i + 1))
		elif [ -z "$_keten_cmd" ] && [ "$_keten_nargs" -eq 0 ] &&
			[[ " $_keten_commands $_keten_aliases " == *" $w "* ]]; then
			_keten_cmd=$(_keten_english "$w")
		else
			_keten_nargs=$((_keten_nargs + 1))
		fi
		i=$((i + 1))
	done
}

_keten_arguments() { # cur
	local IFS=$' \t\n'
	case $_keten_cmd in
	new)
		[ "$_keten_nargs" -eq 0 ] && compgen -W "persona journey reis" -- "$1" ;;
	rules) compgen -W "$(_keten_codes)" -- "$1" ;;
	chain) ;;
	"")
		[ "$_keten_nargs" -eq 0 ] && compgen -W "$_keten_commands $_keten_aliases" -- "$1"
		_keten_files "$1"
		;;
	*) _keten_files "$1" ;;
	esac
}

_keten() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev="" prefix="" IFS=$'\n'
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --option=value, split at '=' by bash or not.
	if [ "$cur" = "=" ]; then
		cur=""
	elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		prefix=$prev=
		cur=${cur#*=}
	fi
	COMPREPLY=()
	type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
	_keten_scan
	if [[ $prev == -* ]] && _keten_takes_value "$prev"; then
		COMPREPLY=($(_keten_values "$prev" "$cur" | sed "s|^|$prefix|"))
		return 0
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(IFS=' ' && compgen -W "$(_keten_options "$_keten_cmd")" -- "$cur"))
		return 0
	fi
	COMPREPLY=($(_keten_arguments "$cur"))
	return 0
}

complete -F _keten keten
