# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
ipvsadm -A -u [2001:db8::53]:53 -s sh -o -b sh-fallback
