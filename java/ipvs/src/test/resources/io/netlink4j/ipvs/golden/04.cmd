# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
ipvsadm -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 5 -x 100 -y 50
