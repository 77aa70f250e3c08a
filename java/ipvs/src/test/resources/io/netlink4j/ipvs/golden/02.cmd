ipvsadm -A -u [2001:db8::53]:53 -s sh -o -b sh-fallback
