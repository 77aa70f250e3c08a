# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
ipvsadm -A -t 10.0.0.1:80 -s rr
