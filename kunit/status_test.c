// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for NTSTATUS: severity macros, the errno mapping in both
 * directions, and status names.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <ntshim/ntddk.h>

struct status_errno {
	NTSTATUS status;
	int err;
	const char *name;
};

#define S(st, e) { st, e, #st },
static const struct status_errno status_map[] = {
	NTSHIM_STATUS_ERRNO_MAP(S)
};
#undef S

#define E(e, st) { st, e, #st },
static const struct status_errno errno_map[] = {
	NTSHIM_ERRNO_STATUS_MAP(E)
};
#undef E

static void ntshim_nt_severity_test(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_PENDING));
	KUNIT_EXPECT_TRUE(test, NT_SUCCESS(STATUS_OBJECT_NAME_EXISTS));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_BUFFER_OVERFLOW));
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_UNSUCCESSFUL));

	KUNIT_EXPECT_TRUE(test, NT_INFORMATION(STATUS_OBJECT_NAME_EXISTS));
	KUNIT_EXPECT_FALSE(test, NT_INFORMATION(STATUS_SUCCESS));
	KUNIT_EXPECT_TRUE(test, NT_WARNING(STATUS_BUFFER_OVERFLOW));
	KUNIT_EXPECT_FALSE(test, NT_WARNING(STATUS_INVALID_PARAMETER));
	KUNIT_EXPECT_TRUE(test, NT_ERROR(STATUS_INSUFFICIENT_RESOURCES));
	KUNIT_EXPECT_FALSE(test, NT_ERROR(STATUS_DEVICE_BUSY));
}

/* A few values typed in again from Microsoft's table, as a cross-check. */
static void ntshim_status_values_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_PENDING, 0x00000103u);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_BUFFER_OVERFLOW, 0x80000005u);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_INVALID_PARAMETER, 0xC000000Du);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_BUFFER_TOO_SMALL, 0xC0000023u);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_INSUFFICIENT_RESOURCES,
			0xC000009Au);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_NOT_SUPPORTED, 0xC00000BBu);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_CANCELLED, 0xC0000120u);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_DEVICE_REMOVED, 0xC00002B6u);
	KUNIT_EXPECT_EQ(test, (ULONG)STATUS_FILE_TOO_LARGE, 0xC0000904u);
	KUNIT_EXPECT_EQ(test, sizeof(NTSTATUS), 4);
}

static void ntshim_status_to_errno_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_SUCCESS), 0);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_WAIT_1), 0);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_TIMEOUT),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_PENDING),
			-EINPROGRESS);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_NO_MEMORY),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test,
			ntshim_status_to_errno(STATUS_INSUFFICIENT_RESOURCES),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno(STATUS_ACCESS_DENIED),
			-EACCES);
	KUNIT_EXPECT_EQ(test,
			ntshim_status_to_errno(STATUS_INVALID_DEVICE_REQUEST),
			-ENOTTY);
}

/* Codes outside the table fall back by severity. */
static void ntshim_status_to_errno_unknown_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno((NTSTATUS)0x00001234), 0);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno((NTSTATUS)0x40001234), 0);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno((NTSTATUS)0x80001234),
			-EIO);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno((NTSTATUS)0xC0001234),
			-EIO);
	KUNIT_EXPECT_EQ(test, ntshim_status_to_errno((NTSTATUS)0xE0000001),
			-EIO);
}

static void ntshim_errno_to_status_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(0), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-ENOMEM),
			STATUS_INSUFFICIENT_RESOURCES);
	/* positive errnos are accepted too */
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(ENOMEM),
			STATUS_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-EINVAL),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-ETIMEDOUT),
			STATUS_IO_TIMEOUT);
	/* kernel-internal aliases */
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-ERESTARTSYS),
			STATUS_ALERTED);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-ENOTSUPP),
			STATUS_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-ENOBUFS),
			STATUS_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-EWOULDBLOCK),
			STATUS_RETRY);
	/* anything else */
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-EHWPOISON),
			STATUS_UNSUCCESSFUL);
	KUNIT_EXPECT_EQ(test, ntshim_errno_to_status(-4095),
			STATUS_UNSUCCESSFUL);
}

/* status -> errno -> status -> errno gives the same errno, for every status */
static void ntshim_status_errno_roundtrip_test(struct kunit *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(status_map); i++) {
		const struct status_errno *m = &status_map[i];
		int err = ntshim_status_to_errno(m->status);
		NTSTATUS back = ntshim_errno_to_status(err);

		KUNIT_EXPECT_EQ_MSG(test, err, m->err, "%s", m->name);
		KUNIT_EXPECT_EQ_MSG(test, ntshim_status_to_errno(back), err,
				    "%s -> %d -> %s", m->name, err,
				    ntshim_status_name(back));
		/* only success-class codes may map to 0 */
		if (!err)
			KUNIT_EXPECT_TRUE_MSG(test, NT_SUCCESS(m->status), "%s",
					      m->name);
		else
			KUNIT_EXPECT_NE_MSG(test, back, STATUS_UNSUCCESSFUL,
					    "%s: errno %d unmapped", m->name,
					    err);
	}
}

/* errno -> status -> errno is the identity on the errno table */
static void ntshim_errno_status_roundtrip_test(struct kunit *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(errno_map); i++) {
		const struct status_errno *m = &errno_map[i];

		KUNIT_EXPECT_EQ_MSG(test, ntshim_errno_to_status(m->err),
				    m->status, "errno %d", m->err);
		KUNIT_EXPECT_EQ_MSG(test, ntshim_status_to_errno(m->status),
				    m->err, "%s", m->name);
	}
}

static void ntshim_status_name_test(struct kunit *test)
{
	size_t i;

	KUNIT_EXPECT_STREQ(test, ntshim_status_name(STATUS_PENDING),
			   "STATUS_PENDING");
	KUNIT_EXPECT_STREQ(test, ntshim_status_name(STATUS_WAIT_0),
			   "STATUS_SUCCESS");
	KUNIT_EXPECT_STREQ(test, ntshim_status_name(STATUS_ABANDONED_WAIT_0),
			   "STATUS_ABANDONED");
	KUNIT_EXPECT_STREQ(test, ntshim_status_name((NTSTATUS)0xC0001234),
			   "STATUS_<unknown>");
	for (i = 0; i < ARRAY_SIZE(status_map); i++)
		KUNIT_EXPECT_STREQ(test, ntshim_status_name(status_map[i].status),
				   status_map[i].name);
}

static struct kunit_case ntshim_status_cases[] = {
	KUNIT_CASE(ntshim_nt_severity_test),
	KUNIT_CASE(ntshim_status_values_test),
	KUNIT_CASE(ntshim_status_to_errno_test),
	KUNIT_CASE(ntshim_status_to_errno_unknown_test),
	KUNIT_CASE(ntshim_errno_to_status_test),
	KUNIT_CASE(ntshim_status_errno_roundtrip_test),
	KUNIT_CASE(ntshim_errno_status_roundtrip_test),
	KUNIT_CASE(ntshim_status_name_test),
	{}
};

static struct kunit_suite ntshim_status_suite = {
	.name = "ntshim_status",
	.test_cases = ntshim_status_cases,
};

kunit_test_suite(ntshim_status_suite);
