# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
ipvsadm -Ln
