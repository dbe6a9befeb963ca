// SPDX-License-Identifier: GPL-2.0
/*
 * Module glue for a DDK driver: shim/ntshim.mk copies this file into a
 * client module built with NTSHIM_DRIVER := <module name>, so the driver's
 * own files hold no Linux code.  Loading the module is the driver's load:
 * a DRIVER_OBJECT is filled in as the I/O manager would (every
 * MajorFunction entry rejects the request until the driver sets it) and
 * DriverEntry() is called with the service's registry path; a failing
 * NTSTATUS fails the insmod with the matching errno.  Unloading calls
 * DriverObject->DriverUnload, if the driver set one (Windows would refuse
 * to unload a driver without it; Linux cannot refuse an rmmod).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <ntshim/ntddk.h>
#include <ntshim/objects.h>

#ifndef NTSHIM_DRIVER_NAME
#define NTSHIM_DRIVER_NAME KBUILD_MODNAME
#endif

/* The driver's entry point, with the DDK's prototype. */
DRIVER_INITIALIZE DriverEntry;

#define GLUE_DRIVER_PREFIX "\\Driver\\"
#define GLUE_SERVICE_PREFIX "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\"
#define GLUE_NAME_MAX (sizeof(GLUE_SERVICE_PREFIX) + MODULE_NAME_LEN)

static DRIVER_OBJECT glue_driver_object;
static DRIVER_EXTENSION glue_driver_extension;
static WCHAR glue_driver_name[GLUE_NAME_MAX];
static WCHAR glue_registry_path[GLUE_NAME_MAX];
static WCHAR glue_service_name[MODULE_NAME_LEN];

/* Widen prefix + name (ASCII) into buf and describe it in us. */
static void glue_name(PUNICODE_STRING us, WCHAR *buf, size_t max,
		      const char *prefix, const char *name)
{
	size_t n = 0;

	while (*prefix && n < max - 1)
		buf[n++] = (WCHAR)*prefix++;
	while (*name && n < max - 1)
		buf[n++] = (WCHAR)*name++;
	buf[n] = 0;
	us->Buffer = buf;
	us->Length = (USHORT)(n * sizeof(WCHAR));
	us->MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
}

/* What the I/O manager installs for every IRP_MJ_* the driver leaves unset. */
static NTSTATUS glue_invalid_request(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	return STATUS_INVALID_DEVICE_REQUEST;
}

static int __init ntshim_glue_init(void)
{
	PDRIVER_OBJECT d = &glue_driver_object;
	UNICODE_STRING registry_path;
	NTSTATUS status;
	int i;

	d->Type = IO_TYPE_DRIVER;
	d->Size = sizeof(*d);
	d->DriverSection = THIS_MODULE;
	d->DriverExtension = &glue_driver_extension;
	d->DriverInit = DriverEntry;
	glue_driver_extension.DriverObject = d;
	glue_name(&d->DriverName, glue_driver_name, GLUE_NAME_MAX,
		  GLUE_DRIVER_PREFIX, NTSHIM_DRIVER_NAME);
	glue_name(&glue_driver_extension.ServiceKeyName, glue_service_name,
		  MODULE_NAME_LEN, "", NTSHIM_DRIVER_NAME);
	glue_name(&registry_path, glue_registry_path, GLUE_NAME_MAX,
		  GLUE_SERVICE_PREFIX, NTSHIM_DRIVER_NAME);
	for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
		d->MajorFunction[i] = glue_invalid_request;

	status = DriverEntry(d, &registry_path);
	if (!NT_SUCCESS(status)) {
		pr_err("DriverEntry failed: %s (0x%08x)\n",
		       ntshim_status_name(status), status);
		return ntshim_status_to_errno(status);
	}
	return 0;
}

static void __exit ntshim_glue_exit(void)
{
	if (glue_driver_object.DriverUnload)
		glue_driver_object.DriverUnload(&glue_driver_object);
}

module_init(ntshim_glue_init);
module_exit(ntshim_glue_exit);

MODULE_DESCRIPTION("DDK driver " NTSHIM_DRIVER_NAME " on ntshim");
MODULE_LICENSE("GPL");
