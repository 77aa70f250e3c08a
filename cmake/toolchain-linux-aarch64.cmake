# SPDX-FileCopyrightText: 2026 The netlink4j Authors
# SPDX-License-Identifier: Apache-2.0
# Cross-compiles for linux-aarch64 with Debian's cross toolchain (packages gcc-aarch64-linux-gnu
# and libc6-dev-arm64-cross, installed by scripts/setup):
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-linux-aarch64.cmake ...
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(NETLINK4J_CROSS_PREFIX aarch64-linux-gnu- CACHE STRING "prefix of the aarch64 cross tools")
find_program(NETLINK4J_CROSS_CC ${NETLINK4J_CROSS_PREFIX}gcc)
if(NOT NETLINK4J_CROSS_CC)
  message(FATAL_ERROR "${NETLINK4J_CROSS_PREFIX}gcc not found: install the Debian packages "
    "gcc-aarch64-linux-gnu and libc6-dev-arm64-cross (scripts/setup does)")
endif()
set(CMAKE_C_COMPILER ${NETLINK4J_CROSS_CC})

# Headers and libraries of the target come from the cross sysroot only; programs from the host.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
