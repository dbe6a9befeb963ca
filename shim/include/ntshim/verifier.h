/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim extension, not DDK: switch Driver Verifier's pool options from
 * code, as verifier.exe does from the command line; the same options are
 * files in /sys/kernel/debug/ntshim/verifier/ and module parameters of
 * ntshim.ko (README, "Verifier tiers").
 */
#ifndef _NTSHIM_VERIFIER_PUBLIC_H
#define _NTSHIM_VERIFIER_PUBLIC_H

/**
 * ntshim_verifier_set() - set one Verifier option as its debugfs file would
 * @option: the file's name: pool_verify, special_pool,
 *          special_pool_underrun, special_pool_tags or modules
 * @value:  what would be written to it ("1", "0", "Tag1 Ab*", ...)
 *
 * Process context (it may sleep).  A value the file would refuse changes
 * nothing.
 *
 * Return: 0, or -EINVAL (unknown option, bad value), -E2BIG (too many
 * tags or modules), -ENAMETOOLONG, -ENOMEM.
 */
int ntshim_verifier_set(const char *option, const char *value);

#endif /* _NTSHIM_VERIFIER_PUBLIC_H */
