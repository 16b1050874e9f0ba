#!/bin/sh
# The second series at its edges: the gadget repo with code no rule can
# convert (a use spatch cannot parse, a use in a macro body, the helper
# taken by hand, a user-space copy under tools/), tagged v2-edges, and the
# gadget series with what it needs for them ("exclude", a by-hand rule in
# the API removal's own rules, a rule that writes lines too wide).
#   make-edges.sh REPO SERIES
set -eu
[ $# -eq 2 ] || { echo "usage: make-edges.sh REPO SERIES" >&2; exit 2; }
repo=$1 series=$2
here=$(cd "$(dirname "$0")" && pwd)
"$here/make-repo.sh" "$repo"
export GIT_AUTHOR_NAME="Demo Maintainer" GIT_AUTHOR_EMAIL="demo@example.org"
export GIT_COMMITTER_NAME="Demo Maintainer" GIT_COMMITTER_EMAIL="demo@example.org"
export GIT_AUTHOR_DATE="2017-02-01T12:00:00Z" GIT_COMMITTER_DATE="2017-02-01T12:00:00Z"
cp -R "$here/edges/tree/." "$repo/"
# the helper's address, taken after its definition in the API's header
sed -i 's|^#endif$|static inline void *gadget_put_fn(void)\n{\n\treturn (void *)gadget_put_page;\n}\n\n#endif|' \
	"$repo/include/linux/gadget.h"
git -C "$repo" add -A
git -C "$repo" commit -q -m "gadget: the edges"
git -C "$repo" tag v2-edges
cp -R "$here/series" "$series"
cp -R "$here/edges/series/." "$series/"
python3 - "$series/series.json" <<'PY'
import json, sys
path = sys.argv[1]
s = json.load(open(path))
s["exclude"] = ["tools/"]
s["order"].append("api/by_hand.cocci")
s["patches"][-1]["rules"].append("api/by_hand.cocci")
# a comment above each converted put of lib/gadget.c: lines too wide
s["order"].insert(1, "callers/noted.cocci")
s["patches"][0]["rules"].append("callers/noted.cocci")
json.dump(s, open(path, "w"), indent=1)
PY
