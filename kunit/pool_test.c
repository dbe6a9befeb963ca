// SPDX-License-Identifier: GPL-2.0
#include <kunit/test.h>
#include <ntshim/ntddk.h>
