#!/bin/sh
# Install or check the Debian packages kseries needs (list in $DEB_PKGS), and
# the packages of the commands in $DEB_CMDS that are not in PATH.
#   deps.sh install   apt-get install what is missing (root)
#   deps.sh ensure    install when root, else print the exact command and fail
set -eu
mode=${1:-ensure}
: "${DEB_PKGS:?DEB_PKGS not set: run through 'make deps'}"

missing=""
for p in $DEB_PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done

# a command missing from PATH: the packages that bring it (DEB_CMDS: cmd=pkg,pkg ...)
for spec in ${DEB_CMDS:-}; do
	command -v "${spec%%=*}" >/dev/null 2>&1 || missing="$missing $(echo "${spec#*=}" | tr , ' ')"
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "kseries: installing:$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "kseries: error: missing Debian packages:$missing" >&2
		echo "kseries: run: sudo apt-get install$missing   (or: sudo make deps)" >&2
		exit 2
	fi
fi

# spatch's behaviour is pinned to 1.1.1 and later (see docs/install.md).
ver=$(spatch --version 2>/dev/null | sed -n 's/^spatch version \([0-9][0-9.]*\).*/\1/p')
case "$ver" in
"") echo "kseries: error: cannot read 'spatch --version': reinstall coccinelle" >&2; exit 2 ;;
esac
oldest=$(printf '%s\n1.1.1\n' "$ver" | sort -V | head -n 1)
if [ "$oldest" != "1.1.1" ]; then
	echo "kseries: error: spatch $ver is too old: install Coccinelle 1.1.1 or newer" >&2
	exit 2
fi
[ "$mode" = install ] && [ -z "$missing" ] && echo "kseries: all dependencies present" >&2
exit 0
