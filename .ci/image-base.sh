#!/usr/bin/env bash
# Lays out the files of a minimal Java base image in a folder, from what is on this machine: a JRE made
# by jlink from a local JDK, the few glibc libraries it (and SQLite, the ONNX runtime) link against, and
# /etc entries for the non-root user 10001. Jib lays Lookout over it with `-Dimage.base=scratch
# -Dimage.rootfs=<folder>`, so an image tar is built with no Docker daemon and no registry (none is
# reachable in CI). Real installs use the default public base (eclipse-temurin:21-jre) instead.
# Usage: .ci/image-base.sh [OUT_DIR]   (prints the folder)
set -euo pipefail
out=${1:-$(mktemp -d /tmp/lookout-image-base.XXXXXX)}
jdk=${IMAGE_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
[ -x "$jdk/bin/jlink" ] || { echo "error: no JDK with jlink (set IMAGE_JDK)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

# The modules Lookout and its libraries use (Vert.x, fabric8, JDBC, Lucene, logback, the JDK HTTP client).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,\
java.xml,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$out/opt/java/openjdk" >&2

# glibc and the C++ runtime (the ONNX runtime and SQLite's native libraries need them), as files.
libs=(libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1 libstdc++.so.6 libgcc_s.so.1
  libresolv.so.2 ld-linux-x86-64.so.2)
mkdir -p "$out/lib/x86_64-linux-gnu" "$out/lib64"
for lib in "${libs[@]}"; do cp -L "/lib/x86_64-linux-gnu/$lib" "$out/lib/x86_64-linux-gnu/$lib"; done
cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/ld-linux-x86-64.so.2"

mkdir -p "$out/etc" "$out/tmp" "$out/var/lib/lookout" "$out/proc" "$out/dev" "$out/sys"
printf 'root:x:0:0:root:/root:/sbin/nologin\nlookout:x:10001:10001:Lookout:/tmp:/sbin/nologin\n' >"$out/etc/passwd"
printf 'root:x:0:\nlookout:x:10001:\n' >"$out/etc/group"
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$out/etc/hosts"
echo "$out"
