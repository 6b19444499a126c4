#!/usr/bin/env bash
# Builds Berth's OCI image without a container daemon and pushes it to a registry: the layout the
# Dockerfile makes (Node 24, the compiled service, production dependencies, user 10001), from what
# this machine already has: Node from `npm ci` (node_modules/node), the C libraries it links
# against from the host (Debian 12, like the Dockerfile's base), crane from cluster/build.sh.
#
#   deploy/image/build.sh <registry/repository:tag> [--insecure]
#
# The machines this runs on cannot pull base images, so the image has no base: one layer holding
# exactly what `node dist/main.js` needs. test/image.e2e-spec.ts builds it, pushes it to a registry
# on 127.0.0.1, inspects it with Berth's own image inspection and starts Berth from its files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

ref="${1:?usage: deploy/image/build.sh <registry/repository:tag> [--insecure]}"
insecure=()
[[ "${2:-}" == "--insecure" ]] && insecure=(--insecure)
crane="$(bash cluster/build.sh --print | sed -n 's/^crane=//p')/crane"
[[ -x "$crane" ]] || { echo "no crane at $crane: run cluster/build.sh" >&2; exit 1; }
node_bin="$(readlink -f node_modules/node/bin/node)"
[[ -x "$node_bin" ]] || { echo "no Node in node_modules: run npm ci" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/rootfs"
mkdir -p "$root/app" "$root/usr/local/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"

echo "[image] compiling the service" >&2
# tsc into the image directly (not nest build into ./dist, which a running `npm start` may be using).
node_modules/.bin/tsc -p tsconfig.build.json --outDir "$root/app/dist"
cp package.json package-lock.json "$root/app/"

echo "[image] installing production dependencies" >&2
(cd "$root/app" && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error)
# The image has its own Node; the npm "node" package is for machines with an older one.
rm -rf "$root/app/node_modules/node" "$root/app/node_modules/.bin/node" "$root/app/package-lock.json"

echo "[image] Node and the libraries it links against" >&2
cp "$node_bin" "$root/usr/local/bin/node"
for lib in $(ldd "$node_bin" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# The dynamic loader's other well-known name, which the binary may ask for.
if [[ -e /lib64/ld-linux-x86-64.so.2 && ! -e "$root/lib64/ld-linux-x86-64.so.2" ]]; then
  mkdir -p "$root/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nberth:x:10001:10001:berth:/app:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nberth:x:10001:\n' >"$root/etc/group"

echo "[image] one layer, owned by root, read-only to the service's user" >&2
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime='2026-01-01 00:00:00Z' \
  -C "$root" -czf "$stage/layer.tar.gz" .
"$crane" "${insecure[@]}" append --oci-empty-base -f "$stage/layer.tar.gz" -t "$ref" >/dev/null
digest="$("$crane" "${insecure[@]}" mutate "$ref" -t "$ref" \
  --set-platform linux/amd64 \
  --entrypoint /usr/local/bin/node,dist/main.js \
  --workdir /app \
  --user 10001:10001 \
  --exposed-ports 3000/tcp,9464/tcp \
  --env PATH=/usr/local/bin:/usr/bin:/bin --env NODE_ENV=production --env HOST=0.0.0.0 \
  --env PORT=3000 --env BERTH_METRICS_PORT=9464 --env BERTH_LOG_FORMAT=json \
  --label org.opencontainers.image.title=berth)"
echo "[image] pushed $digest" >&2
echo "$digest"
