#!/bin/sh
# Demo kernel: the part of olddefconfig kseries' read-back sees. A symbol
# set in .config whose Kconfig entry "depends on" a symbol that is not set
# is dropped (written "is not set"), as Kconfig does.
#   olddefconfig.sh SRC CONFIG
set -eu
src=$1 config=$2
awk '
	FNR == NR { if (/=[ym]$/) { split($0, kv, "="); on[kv[1]] = 1 } ; next }
	/^(menu)?config / { sym = "CONFIG_" $2; next }
	/^[ \t]+depends on / && sym != "" {
		expr = $0; sub(/^[ \t]+depends on /, "", expr)
		n = split(expr, w, /[^A-Za-z0-9_!]+/)
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^[A-Z]/ && !(("CONFIG_" w[i]) in on)) drop[sym] = 1
	}
	END { for (s in drop) if (s in on) print s }
' "$config" $(find "$src" -name 'Kconfig*' -not -path '*/.git/*') | while read -r sym; do
	grep -v "^$sym=" "$config" > "$config.tmp" || true
	echo "# $sym is not set" >> "$config.tmp"
	mv "$config.tmp" "$config"
done
