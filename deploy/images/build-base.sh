#!/usr/bin/env bash
# Builds the base image for both services without a Docker daemon or a registry:
#   <out>/jre-base.tar   in `docker save` format (manifest.json, a config JSON, one layer tar)
# The layer holds a jlink-ed JRE of the build machine's JDK at /opt/java/openjdk (the path the
# eclipse-temurin images use, so the images' health checks work on either base), the shared
# libraries that JRE needs (from ldd) with the loader and the NSS/resolver libraries, an
# /etc/passwd and /etc/group with the non-root user 10001, and /tmp with mode 1777. No shell,
# no package manager. The same JDK and the same libraries give the same bytes: names sorted,
# times zero, owners root, modes normalised.
# Usage: build-base.sh OUT_DIR   (Maven runs it in the images profile; JAVA_HOME picks the JDK)
set -euo pipefail
out=${1:?usage: build-base.sh OUT_DIR}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
# Enough for Spring Boot, PostgreSQL JDBC, the Kafka client (with SASL) and TLS/DNS: jdeps
# --print-module-deps over both services' jars, plus what is loaded by name (crypto, DNS, zipfs).
modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.security.auth,jdk.unsupported,jdk.zipfs
uid=10001

case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

work="$out/work"
root="$work/rootfs"
rm -rf "$work" "$out/jre-base.tar"
mkdir -p "$root" "$work/image"

# The JRE. jlink leaves symlinks into the JDK (Debian's cacerts, java.security): copy dereferenced.
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$work/jre"
mkdir -p "$root/opt/java"
cp -rL "$work/jre" "$root/opt/java/openjdk"
# Headless server: the X11 toolkit, splash screen and sound libraries would only pull in X and ALSA.
rm -f "$root"/opt/java/openjdk/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# Shared libraries the JRE's binaries and libraries load, at their real directory (merged /usr),
# plus the loader and the libraries glibc loads by name for users, groups and DNS.
libs=$( { find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
  for name in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
    # awk reads to the end: leaving early would kill ldconfig with SIGPIPE, and pipefail with it
    ldconfig -p | awk -v n="$name" '!found && $1 == n && $NF ~ /^\// {print $NF; found = 1}'
  done; } | sort -u)
for lib in $libs; do
  case "$lib" in "$root"/*) continue ;; esac # the JRE's own, found through $ORIGIN
  [ -e "$lib" ] || continue
  dest="$root$(readlink -f "$(dirname "$lib")")/$(basename "$lib")"
  mkdir -p "$(dirname "$dest")"
  cp -L "$lib" "$dest"
done
ln -s usr/lib "$root/lib"
[ -d "$root/usr/lib64" ] && ln -s usr/lib64 "$root/lib64"

# Users, groups, name service, and the directories a runtime mounts over.
mkdir -p "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/home/app"
cat >"$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
app:x:$uid:$uid:incident-timeline:/home/app:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<GROUP
root:x:0:
app:x:$uid:
nogroup:x:65534:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"

chmod -R u=rwX,go=rX "$root"
chmod 1777 "$root/tmp"

# One reproducible layer, then the config and manifest `docker load` and Jib read.
tar_opts=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu)
# Entries named without a leading ./ (Jib refuses archives with a ./ entry).
tar -C "$root" "${tar_opts[@]}" -cf "$work/image/layer.tar" $(cd "$root" && LC_ALL=C ls -A)
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
java_version=$("$root/opt/java/openjdk/bin/java" -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/java.runtime.version/ {print $2}')
cat >"$work/config.json" <<CONFIG
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$uid","WorkingDir":"/",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-base.sh: jlink $modules"}]}
CONFIG
jq -c . "$work/config.json" >"$work/image/config.json.tmp"
config_id=$(sha256sum "$work/image/config.json.tmp" | cut -d' ' -f1)
mv "$work/image/config.json.tmp" "$work/image/$config_id.json"
mkdir -p "$work/image/$diff_id"
mv "$work/image/layer.tar" "$work/image/$diff_id/layer.tar"
printf '[{"Config":"%s.json","RepoTags":["incident-timeline/jre-base:%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$java_version" "$diff_id" >"$work/image/manifest.json"
chmod -R u=rwX,go=rX "$work/image"
tar -C "$work/image" "${tar_opts[@]}" -cf "$out/jre-base.tar" $(cd "$work/image" && LC_ALL=C ls -A)
rm -rf "$work"
echo "jre-base.tar: Java $java_version ($arch), $(du -m "$out/jre-base.tar" | cut -f1) MiB, sha256 $(sha256sum "$out/jre-base.tar" | cut -c1-16)"
