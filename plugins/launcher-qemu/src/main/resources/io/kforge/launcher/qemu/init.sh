#!/bin/sh
# kforge's guest shell, run as /init from the initramfs kforge generates.
# It answers on the first serial port, one command at a time:
#   kforge sends:  NONCE SECONDS BASE64_OF_COMMAND_LINE
#   guest answers: @@kforge-begin-NONCE@@ LF, the output, LF @@kforge-end-NONCE-STATUS@@ LF
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev || mknod /dev/ttyS0 c 4 64
/bin/busybox --install -s /bin
dmesg -n 1
exec </dev/ttyS0 >/dev/ttyS0 2>&1
stty raw -echo
cd /root
echo @@kforge-ready@@
while :; do
    IFS=' ' read -r nonce limit payload || { sleep 1; continue; }
    [ -n "$payload" ] || continue
    command=$(printf '%s' "$payload" | base64 -d)
    printf '@@kforge-begin-%s@@\n' "$nonce"
    timeout -s KILL "$limit" sh -c "$command" </dev/null 2>&1
    printf '\n@@kforge-end-%s-%s@@\n' "$nonce" "$?"
done
