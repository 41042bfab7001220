#!/usr/bin/env bash
# Builds the stand-in images of deploy-checks/standins (see README.md): Debian-based substitutes, following the
# official images' conventions, for the images docker-compose.yml uses, on a machine where no image registry is
# reachable. Users still get the official images; these are only for the smoke test here.
#
#   deploy-checks/standins/build.sh        # from any directory; prints the tags it built
#
# Needs: docker, the Debian apt mirror (http://deb.debian.org/debian) from the build containers, Maven Central for
# the Kafka jars (through the repository's ./mvnw), and, to create the base image once, root with debootstrap.
# Generated files stay in deploy-checks/standins/target/ (git-ignored): the Kafka jars, the build contexts and the
# copy of this machine's extra CA certificates (/usr/local/share/ca-certificates/*.crt), which go only into the
# images that use HTTPS (curl, temurin).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repository=$(cd "$here/../.." && pwd)
target=$here/target
base_image=paymon-standin/debian:bookworm
debian_mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The classic builder: it needs nothing from a registry (BuildKit may want a frontend image) and caches layers.
export DOCKER_BUILDKIT=0

log() {
  printf '==> %s\n' "$*" >&2
}

# ---- base image: debootstrap minbase bookworm with ca-certificates, imported into Docker
ensure_base_image() {
  if docker image inspect "$base_image" > /dev/null 2>&1; then
    return
  fi
  log "creating $base_image with debootstrap ($debian_mirror)"
  if [[ $(id -u) -ne 0 ]] || ! command -v debootstrap > /dev/null; then
    echo "build.sh: $base_image is missing; creating it needs root and debootstrap" >&2
    exit 1
  fi
  local rootfs
  rootfs=$(mktemp -d "${TMPDIR:-/tmp}/standin-rootfs.XXXXXX")
  # shellcheck disable=SC2064 # the path is fixed now
  trap "rm -rf '$rootfs'" EXIT
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$debian_mirror"
  chroot "$rootfs" apt-get clean
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$base_image" > /dev/null
  rm -rf "$rootfs"
  trap - EXIT
}

# ---- the Kafka 4.1.2 jars, fetched again only when kafka/pom.xml changes
kafka_libs() {
  local libs=$target/kafka-libs stamp
  stamp=$(sha256sum "$here/kafka/pom.xml" | cut -d' ' -f1)
  if [[ -f $libs/.pom-sha256 && $(< "$libs/.pom-sha256") == "$stamp" ]]; then
    return
  fi
  log "fetching the Kafka jars (kafka/pom.xml) from Maven Central"
  rm -rf "$libs"
  (cd "$repository" && ./mvnw -B -ntp -q -f "$here/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs")
  echo "$stamp" > "$libs/.pom-sha256"
}

# ---- build contexts in target/context/<name>: the image's folder plus what it needs from elsewhere
# The host's extra CA certificates, for the images that need HTTPS (an empty folder elsewhere or without any).
add_ca_certificates() {
  local context=$1 certificate
  mkdir -p "$context/extra-ca-certificates"
  for certificate in /usr/local/share/ca-certificates/*.crt; do
    [[ -f $certificate ]] && cp "$certificate" "$context/extra-ca-certificates/"
  done
  return 0
}

new_context() {
  local name=$1 context=$target/context/$1
  rm -rf "$context"
  mkdir -p "$target/context"
  cp -a "$here/$name" "$context"
  echo "$context"
}

# build <tag> <context> [docker build options]; the output goes to target/logs/<tag>.log, shown when it fails.
build() {
  local tag=$1 context=$2
  shift 2
  local output=$target/logs/${tag//[\/:]/_}.log
  mkdir -p "$target/logs"
  log "building $tag"
  if ! docker build --tag "$tag" "$@" "$context" > "$output" 2>&1; then
    tail -n 40 "$output" >&2
    echo "build.sh: building $tag failed (whole output: $output)" >&2
    exit 1
  fi
  built+=("$tag")
}

built=()
started=$SECONDS
ensure_base_image
kafka_libs

context=$(new_context temurin)
add_ca_certificates "$context"
build paymon-standin/temurin:17-jre "$context" --target jre
build paymon-standin/temurin:17-jdk "$context" --target jdk

context=$(new_context curl)
add_ca_certificates "$context"
build paymon-standin/curl:8.16.0 "$context"

build paymon-standin/postgres:17 "$(new_context postgres)"
build paymon-standin/prometheus:v3.5.0 "$(new_context prometheus)"
build paymon-standin/alertmanager:v0.28.1 "$(new_context alertmanager)"

context=$(new_context kafka)
rm -f "$context/pom.xml"
cp -al "$target/kafka-libs" "$context/libs" 2> /dev/null || cp -a "$target/kafka-libs" "$context/libs"
rm -f "$context/libs/.pom-sha256"
cp "$here/temurin/cacert-entrypoint.sh" "$context/cacert-entrypoint.sh"
build paymon-standin/kafka:4.1.2 "$context"

log "built in $((SECONDS - started)) s"
printf '%s\n' "${built[@]}"
