# bash completion for rectify-cli                           -*- shell-script -*-
# Installed as share/bash-completion/completions/rectify-cli.
#
# Commands, subcommands and options are read from `rectify-cli … --help`, so
# they follow the program; officer badges, unit credit codes and document
# numbers are read from the database in use (--db on the line, else the
# default one) with `rectify-cli --json … list`.
# SPDX-License-Identifier: GPL-3.0-or-later

# The --help text of "$@" (a command, a subcommand), untranslated.
_rectify_cli_help ()
{
    LC_ALL=C.UTF-8 LANGUAGE=C "$_rectify_cli_prog" "$@" --help 2>/dev/null
}

# The names listed under "Commands:" or "Subcommands:" of a help text.
_rectify_cli_commands ()
{
    _rectify_cli_help "$@" | awk '
        /^(Commands|Subcommands):$/ { on = 1; next }
        /^[^ ]/ || /^$/ { on = 0 }
        on && NF { print $1 }'
}

# One line per option: "--name" or "--name=ARG<TAB>description".
_rectify_cli_options ()
{
    _rectify_cli_help "$@" | awk '
        /^  +-/ {
            line = $0; sub(/^ +/, "", line)
            flags = line; sub(/  .*/, "", flags)
            desc = line; sub(/^[^ ]+( [^ ]+)?  +/, "", desc)
            n = split(flags, f, ", ")
            print f[n] "\t" desc
        }'
}

# Values of a field read from the open database: the JSON lines "key" : "…".
_rectify_cli_values ()
{
    local key=$1
    shift
    "$_rectify_cli_prog" "${_rectify_cli_db[@]}" --json "$@" 2>/dev/null \
        | sed -n 's/^ *"'"$key"'" : "\(.*\)",\{0,1\}$/\1/p'
}

_rectify_cli_badges ()
{
    _rectify_cli_values badge officer list --limit 0
}

_rectify_cli_credit_codes ()
{
    local -a search=()
    [[ -n $cur ]] && search=(--search "$cur")
    _rectify_cli_values credit_code unit list --limit 200 "${search[@]}"
}

_rectify_cli_numbers ()
{
    _rectify_cli_values number letter list --limit 0
}

# Completes the value of an option (or an argument) from its ARG name and
# its description: badges, credit codes, numbers, files, listed choices.
_rectify_cli_complete_value ()
{
    local arg=$1 desc=$2 option=$3 words
    case $arg in
        OFFICER | *BADGE*) words=$(_rectify_cli_badges) ;;
        UNIT | *CREDITCODE*) words=$(_rectify_cli_credit_codes) ;;
        *NUMBER*)
            [[ $option == --* ]] && return 0   # --id-number, --phone
            words=$(_rectify_cli_numbers) ;;
        DIR | \[DIR\]) _filedir -d; return 0 ;;
        FILE | PATH | BACKUP) _filedir; return 0 ;;
        *=*) return 0 ;;   # --map=HEADER=FIELD, --check=ITEM=…
        *'|'*) words=${arg//|/ } ;;
        *)
            # "general or major", "Only this kind: bureau, self or back_check",
            # "seed: …; city: …"
            local text=${desc%% (*}
            text=${text##*: }
            if [[ $text =~ ^[A-Za-z_0-9-]+(,\ [A-Za-z_0-9-]+)*\ or\ [A-Za-z_0-9-]+$ ]]; then
                text=${text//,/}
                words=${text// or / }
            elif [[ $desc =~ ^[a-z_]+:\ .*\;\ [a-z_]+:\  ]]; then
                words=$(printf '%s\n' "$desc" | tr ';' '\n' | sed -n 's/^ *\([a-z_]*\): .*/\1/p')
            else
                return 0
            fi
            ;;
    esac
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}

_rectify_cli ()
{
    local cur prev words cword split
    _init_completion -s -n = || return

    local _rectify_cli_prog=${words[0]}
    local -a _rectify_cli_db=() path=() args=()
    local i word value_of="" options line arg desc
    options=$(_rectify_cli_options)

    # The database in use, the command (and subcommand) and the arguments
    # so far; an option given as "--name VALUE" takes the next word.
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ -n $value_of ]]; then
            [[ $value_of == --db ]] && _rectify_cli_db=(--db "$word")
            value_of=""
            continue
        fi
        case $word in
            --db=*) _rectify_cli_db=(--db "${word#--db=}") ;;
            --*=*) ;;
            -*) grep -q -- "^$word=" <<<"$options" && value_of=$word ;;
            *)
                if ((${#args[@]} == 0)) && { ((${#path[@]} == 0)) ||
                    { ((${#path[@]} == 1)) && _rectify_cli_commands "${path[@]}" | grep -qx -- "$word"; }; }; then
                    path+=("$word")
                    options=$(_rectify_cli_options "${path[@]}")
                else
                    args+=("$word")
                fi
                ;;
        esac
    done

    # The value of an option: after "--name=" or "--name ".
    if [[ $prev == -* ]]; then
        line=$(grep -m1 -- "^$prev=" <<<"$options")
        if [[ -n $line ]]; then
            arg=${line%%$'\t'*}
            arg=${arg#*=}
            desc=${line#*$'\t'}
            _rectify_cli_complete_value "$arg" "$desc" "$prev"
            return
        fi
    fi

    if [[ $cur == -* ]]; then
        local -a names=()
        while IFS= read -r line; do
            line=${line%%$'\t'*}
            [[ $line == *=* ]] && names+=("${line%%=*}=") || names+=("$line")
        done <<<"$options"
        COMPREPLY=($(compgen -W "${names[*]}" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi

    # A command, then a subcommand, then the argument the usage line names.
    if ((${#args[@]} == 0 && ${#path[@]} < 2)); then
        local -a subs=()
        mapfile -t subs < <(_rectify_cli_commands "${path[@]}")
        if ((${#subs[@]})); then
            COMPREPLY=($(compgen -W "${subs[*]}" -- "$cur"))
            return
        fi
    fi
    ((${#path[@]} && ${#args[@]} == 0)) || return 0
    local usage
    usage=$(_rectify_cli_help "${path[@]}" | sed -n '2s/.*\[OPTION[^]]*\] *//p')
    [[ -n $usage ]] && _rectify_cli_complete_value "${usage%% *}" "" ""
} &&
    complete -F _rectify_cli rectify-cli

# ex: filetype=sh
