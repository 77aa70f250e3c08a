# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
ipvsadm -a -u [2001:db8::53]:53 -r [2001:db8:1::2]:53 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
