/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NTSTATUS: 32-bit status codes.  Severity lives in the top two bits:
 * 00 success, 01 informational, 10 warning, 11 error; NT_SUCCESS() is true
 * for the first two.  Values are Microsoft's ([MS-ERREF] 2.3.1, ntstatus.h).
 *
 * ntshim_status_to_errno() and ntshim_errno_to_status() translate between
 * NTSTATUS and Linux errno in both directions; both are total (every input
 * has an answer) and the tables below are the whole mapping.
 */
#ifndef _NTSHIM_STATUS_H
#define _NTSHIM_STATUS_H

#include <linux/errno.h>
#include <ntshim/types.h>

typedef LONG NTSTATUS, *PNTSTATUS;

/**
 * NT_SUCCESS() - true for success and informational codes
 * @s: an NTSTATUS
 */
#define NT_SUCCESS(s) (((NTSTATUS)(s)) >= 0)
/**
 * NT_INFORMATION() - true for informational codes (0x4xxxxxxx)
 * @s: an NTSTATUS
 */
#define NT_INFORMATION(s) ((((ULONG)(s)) >> 30) == 1)
/**
 * NT_WARNING() - true for warnings (0x8xxxxxxx)
 * @s: an NTSTATUS
 */
#define NT_WARNING(s) ((((ULONG)(s)) >> 30) == 2)
/**
 * NT_ERROR() - true for errors (0xCxxxxxxx)
 * @s: an NTSTATUS
 */
#define NT_ERROR(s) ((((ULONG)(s)) >> 30) == 3)

/* Success (severity 0) */
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_WAIT_0 ((NTSTATUS)0x00000000L)
#define STATUS_WAIT_1 ((NTSTATUS)0x00000001L)
#define STATUS_WAIT_2 ((NTSTATUS)0x00000002L)
#define STATUS_WAIT_3 ((NTSTATUS)0x00000003L)
#define STATUS_WAIT_63 ((NTSTATUS)0x0000003FL)
#define STATUS_ABANDONED ((NTSTATUS)0x00000080L)
#define STATUS_ABANDONED_WAIT_0 ((NTSTATUS)0x00000080L)
#define STATUS_ABANDONED_WAIT_63 ((NTSTATUS)0x000000BFL)
#define STATUS_USER_APC ((NTSTATUS)0x000000C0L)
#define STATUS_KERNEL_APC ((NTSTATUS)0x00000100L)
#define STATUS_ALERTED ((NTSTATUS)0x00000101L)
#define STATUS_TIMEOUT ((NTSTATUS)0x00000102L)
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#define STATUS_REPARSE ((NTSTATUS)0x00000104L)
#define STATUS_MORE_ENTRIES ((NTSTATUS)0x00000105L)
#define STATUS_NOT_ALL_ASSIGNED ((NTSTATUS)0x00000106L)
#define STATUS_SOME_NOT_MAPPED ((NTSTATUS)0x00000107L)
#define STATUS_NOTIFY_CLEANUP ((NTSTATUS)0x0000010BL)
#define STATUS_NOTIFY_ENUM_DIR ((NTSTATUS)0x0000010CL)
#define STATUS_BUFFER_ALL_ZEROS ((NTSTATUS)0x00000117L)

/* Informational (severity 1) */
#define STATUS_OBJECT_NAME_EXISTS ((NTSTATUS)0x40000000L)
#define STATUS_THREAD_WAS_SUSPENDED ((NTSTATUS)0x40000001L)
#define STATUS_IMAGE_NOT_AT_BASE ((NTSTATUS)0x40000003L)

/* Warnings (severity 2) */
#define STATUS_GUARD_PAGE_VIOLATION ((NTSTATUS)0x80000001L)
#define STATUS_DATATYPE_MISALIGNMENT ((NTSTATUS)0x80000002L)
#define STATUS_BREAKPOINT ((NTSTATUS)0x80000003L)
#define STATUS_SINGLE_STEP ((NTSTATUS)0x80000004L)
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005L)
#define STATUS_NO_MORE_FILES ((NTSTATUS)0x80000006L)
#define STATUS_PARTIAL_COPY ((NTSTATUS)0x8000000DL)
#define STATUS_DEVICE_PAPER_EMPTY ((NTSTATUS)0x8000000EL)
#define STATUS_DEVICE_POWERED_OFF ((NTSTATUS)0x8000000FL)
#define STATUS_DEVICE_OFF_LINE ((NTSTATUS)0x80000010L)
#define STATUS_DEVICE_BUSY ((NTSTATUS)0x80000011L)
#define STATUS_NO_MORE_EAS ((NTSTATUS)0x80000012L)
#define STATUS_VERIFY_REQUIRED ((NTSTATUS)0x80000016L)
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001AL)
#define STATUS_MEDIA_CHANGED ((NTSTATUS)0x8000001CL)
#define STATUS_BUS_RESET ((NTSTATUS)0x8000001DL)
#define STATUS_END_OF_MEDIA ((NTSTATUS)0x8000001EL)
#define STATUS_NO_DATA_DETECTED ((NTSTATUS)0x80000022L)

/* Errors (severity 3) */
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001L)
#define STATUS_NOT_IMPLEMENTED ((NTSTATUS)0xC0000002L)
#define STATUS_INVALID_INFO_CLASS ((NTSTATUS)0xC0000003L)
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004L)
#define STATUS_ACCESS_VIOLATION ((NTSTATUS)0xC0000005L)
#define STATUS_IN_PAGE_ERROR ((NTSTATUS)0xC0000006L)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008L)
#define STATUS_TIMER_NOT_CANCELED ((NTSTATUS)0xC000000CL)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#define STATUS_NO_SUCH_DEVICE ((NTSTATUS)0xC000000EL)
#define STATUS_NO_SUCH_FILE ((NTSTATUS)0xC000000FL)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010L)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011L)
#define STATUS_NO_MEDIA_IN_DEVICE ((NTSTATUS)0xC0000013L)
#define STATUS_UNRECOGNIZED_MEDIA ((NTSTATUS)0xC0000014L)
#define STATUS_NONEXISTENT_SECTOR ((NTSTATUS)0xC0000015L)
#define STATUS_MORE_PROCESSING_REQUIRED ((NTSTATUS)0xC0000016L)
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017L)
#define STATUS_CONFLICTING_ADDRESSES ((NTSTATUS)0xC0000018L)
#define STATUS_ILLEGAL_INSTRUCTION ((NTSTATUS)0xC000001DL)
#define STATUS_INVALID_LOCK_SEQUENCE ((NTSTATUS)0xC000001EL)
#define STATUS_ALREADY_COMMITTED ((NTSTATUS)0xC0000021L)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022L)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023L)
#define STATUS_OBJECT_TYPE_MISMATCH ((NTSTATUS)0xC0000024L)
#define STATUS_NOT_LOCKED ((NTSTATUS)0xC000002AL)
#define STATUS_PARITY_ERROR ((NTSTATUS)0xC000002BL)
#define STATUS_NOT_COMMITTED ((NTSTATUS)0xC000002DL)
#define STATUS_INVALID_PARAMETER_MIX ((NTSTATUS)0xC0000030L)
#define STATUS_OBJECT_NAME_INVALID ((NTSTATUS)0xC0000033L)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034L)
#define STATUS_OBJECT_NAME_COLLISION ((NTSTATUS)0xC0000035L)
#define STATUS_DEVICE_ALREADY_ATTACHED ((NTSTATUS)0xC0000038L)
#define STATUS_OBJECT_PATH_INVALID ((NTSTATUS)0xC0000039L)
#define STATUS_OBJECT_PATH_NOT_FOUND ((NTSTATUS)0xC000003AL)
#define STATUS_OBJECT_PATH_SYNTAX_BAD ((NTSTATUS)0xC000003BL)
#define STATUS_DATA_OVERRUN ((NTSTATUS)0xC000003CL)
#define STATUS_DATA_LATE_ERROR ((NTSTATUS)0xC000003DL)
#define STATUS_DATA_ERROR ((NTSTATUS)0xC000003EL)
#define STATUS_CRC_ERROR ((NTSTATUS)0xC000003FL)
#define STATUS_SHARING_VIOLATION ((NTSTATUS)0xC0000043L)
#define STATUS_QUOTA_EXCEEDED ((NTSTATUS)0xC0000044L)
#define STATUS_MUTANT_NOT_OWNED ((NTSTATUS)0xC0000046L)
#define STATUS_SEMAPHORE_LIMIT_EXCEEDED ((NTSTATUS)0xC0000047L)
#define STATUS_THREAD_IS_TERMINATING ((NTSTATUS)0xC000004BL)
#define STATUS_FILE_LOCK_CONFLICT ((NTSTATUS)0xC0000054L)
#define STATUS_LOCK_NOT_GRANTED ((NTSTATUS)0xC0000055L)
#define STATUS_DELETE_PENDING ((NTSTATUS)0xC0000056L)
#define STATUS_PRIVILEGE_NOT_HELD ((NTSTATUS)0xC0000061L)
#define STATUS_INVALID_IMAGE_FORMAT ((NTSTATUS)0xC000007BL)
#define STATUS_DISK_FULL ((NTSTATUS)0xC000007FL)
#define STATUS_ARRAY_BOUNDS_EXCEEDED ((NTSTATUS)0xC000008CL)
#define STATUS_INTEGER_DIVIDE_BY_ZERO ((NTSTATUS)0xC0000094L)
#define STATUS_INTEGER_OVERFLOW ((NTSTATUS)0xC0000095L)
#define STATUS_FILE_INVALID ((NTSTATUS)0xC0000098L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_DEVICE_DATA_ERROR ((NTSTATUS)0xC000009CL)
#define STATUS_DEVICE_NOT_CONNECTED ((NTSTATUS)0xC000009DL)
#define STATUS_DEVICE_POWER_FAILURE ((NTSTATUS)0xC000009EL)
#define STATUS_MEMORY_NOT_ALLOCATED ((NTSTATUS)0xC00000A0L)
#define STATUS_MEDIA_WRITE_PROTECTED ((NTSTATUS)0xC00000A2L)
#define STATUS_DEVICE_NOT_READY ((NTSTATUS)0xC00000A3L)
#define STATUS_ILLEGAL_FUNCTION ((NTSTATUS)0xC00000AFL)
#define STATUS_PIPE_DISCONNECTED ((NTSTATUS)0xC00000B0L)
#define STATUS_IO_TIMEOUT ((NTSTATUS)0xC00000B5L)
#define STATUS_FILE_IS_A_DIRECTORY ((NTSTATUS)0xC00000BAL)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BBL)
#define STATUS_NETWORK_BUSY ((NTSTATUS)0xC00000BFL)
#define STATUS_DEVICE_DOES_NOT_EXIST ((NTSTATUS)0xC00000C0L)
#define STATUS_TOO_MANY_COMMANDS ((NTSTATUS)0xC00000C1L)
#define STATUS_ADAPTER_HARDWARE_ERROR ((NTSTATUS)0xC00000C2L)
#define STATUS_BAD_DEVICE_TYPE ((NTSTATUS)0xC00000CBL)
#define STATUS_NOT_SAME_DEVICE ((NTSTATUS)0xC00000D4L)
#define STATUS_CANT_WAIT ((NTSTATUS)0xC00000D8L)
#define STATUS_INTERNAL_ERROR ((NTSTATUS)0xC00000E5L)
#define STATUS_INVALID_USER_BUFFER ((NTSTATUS)0xC00000E8L)
#define STATUS_UNEXPECTED_IO_ERROR ((NTSTATUS)0xC00000E9L)
#define STATUS_INVALID_PARAMETER_1 ((NTSTATUS)0xC00000EFL)
#define STATUS_INVALID_PARAMETER_2 ((NTSTATUS)0xC00000F0L)
#define STATUS_INVALID_PARAMETER_3 ((NTSTATUS)0xC00000F1L)
#define STATUS_INVALID_PARAMETER_4 ((NTSTATUS)0xC00000F2L)
#define STATUS_INVALID_PARAMETER_5 ((NTSTATUS)0xC00000F3L)
#define STATUS_INVALID_PARAMETER_6 ((NTSTATUS)0xC00000F4L)
#define STATUS_INVALID_PARAMETER_7 ((NTSTATUS)0xC00000F5L)
#define STATUS_INVALID_PARAMETER_8 ((NTSTATUS)0xC00000F6L)
#define STATUS_INVALID_PARAMETER_9 ((NTSTATUS)0xC00000F7L)
#define STATUS_INVALID_PARAMETER_10 ((NTSTATUS)0xC00000F8L)
#define STATUS_INVALID_PARAMETER_11 ((NTSTATUS)0xC00000F9L)
#define STATUS_INVALID_PARAMETER_12 ((NTSTATUS)0xC00000FAL)
#define STATUS_STACK_OVERFLOW ((NTSTATUS)0xC00000FDL)
#define STATUS_DIRECTORY_NOT_EMPTY ((NTSTATUS)0xC0000101L)
#define STATUS_FILE_CORRUPT_ERROR ((NTSTATUS)0xC0000102L)
#define STATUS_NOT_A_DIRECTORY ((NTSTATUS)0xC0000103L)
#define STATUS_NAME_TOO_LONG ((NTSTATUS)0xC0000106L)
#define STATUS_FILES_OPEN ((NTSTATUS)0xC0000107L)
#define STATUS_PROCESS_IS_TERMINATING ((NTSTATUS)0xC000010AL)
#define STATUS_TOO_MANY_OPENED_FILES ((NTSTATUS)0xC000011FL)
#define STATUS_CANCELLED ((NTSTATUS)0xC0000120L)
#define STATUS_CANNOT_DELETE ((NTSTATUS)0xC0000121L)
#define STATUS_FILE_DELETED ((NTSTATUS)0xC0000123L)
#define STATUS_FILE_CLOSED ((NTSTATUS)0xC0000128L)
#define STATUS_TOO_MANY_THREADS ((NTSTATUS)0xC0000129L)
#define STATUS_DLL_NOT_FOUND ((NTSTATUS)0xC0000135L)
#define STATUS_OPEN_FAILED ((NTSTATUS)0xC0000136L)
#define STATUS_ENTRYPOINT_NOT_FOUND ((NTSTATUS)0xC0000139L)
#define STATUS_LINK_FAILED ((NTSTATUS)0xC000013EL)
#define STATUS_LINK_TIMEOUT ((NTSTATUS)0xC000013FL)
#define STATUS_INVALID_CONNECTION ((NTSTATUS)0xC0000140L)
#define STATUS_INVALID_ADDRESS ((NTSTATUS)0xC0000141L)
#define STATUS_PIPE_BROKEN ((NTSTATUS)0xC000014BL)
#define STATUS_ILLEGAL_CHARACTER ((NTSTATUS)0xC0000161L)
#define STATUS_UNMAPPABLE_CHARACTER ((NTSTATUS)0xC0000162L)
#define STATUS_UNDEFINED_CHARACTER ((NTSTATUS)0xC0000163L)
#define STATUS_INVALID_BLOCK_LENGTH ((NTSTATUS)0xC0000173L)
#define STATUS_DEVICE_NOT_PARTITIONED ((NTSTATUS)0xC0000174L)
#define STATUS_NO_MEDIA ((NTSTATUS)0xC0000178L)
#define STATUS_DEVICE_CONFIGURATION_ERROR ((NTSTATUS)0xC0000182L)
#define STATUS_DRIVER_INTERNAL_ERROR ((NTSTATUS)0xC0000183L)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184L)
#define STATUS_IO_DEVICE_ERROR ((NTSTATUS)0xC0000185L)
#define STATUS_DEVICE_PROTOCOL_ERROR ((NTSTATUS)0xC0000186L)
#define STATUS_TOO_LATE ((NTSTATUS)0xC0000189L)
#define STATUS_POSSIBLE_DEADLOCK ((NTSTATUS)0xC0000194L)
#define STATUS_INVALID_BUFFER_SIZE ((NTSTATUS)0xC0000206L)
#define STATUS_ADDRESS_ALREADY_EXISTS ((NTSTATUS)0xC000020AL)
#define STATUS_ADDRESS_CLOSED ((NTSTATUS)0xC000020BL)
#define STATUS_CONNECTION_DISCONNECTED ((NTSTATUS)0xC000020CL)
#define STATUS_CONNECTION_RESET ((NTSTATUS)0xC000020DL)
#define STATUS_TRANSACTION_ABORTED ((NTSTATUS)0xC000020FL)
#define STATUS_TRANSACTION_TIMED_OUT ((NTSTATUS)0xC0000210L)
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225L)
#define STATUS_RETRY ((NTSTATUS)0xC000022DL)
#define STATUS_CONNECTION_REFUSED ((NTSTATUS)0xC0000236L)
#define STATUS_GRACEFUL_DISCONNECT ((NTSTATUS)0xC0000237L)
#define STATUS_ADDRESS_ALREADY_ASSOCIATED ((NTSTATUS)0xC0000238L)
#define STATUS_ADDRESS_NOT_ASSOCIATED ((NTSTATUS)0xC0000239L)
#define STATUS_CONNECTION_INVALID ((NTSTATUS)0xC000023AL)
#define STATUS_CONNECTION_ACTIVE ((NTSTATUS)0xC000023BL)
#define STATUS_NETWORK_UNREACHABLE ((NTSTATUS)0xC000023CL)
#define STATUS_HOST_UNREACHABLE ((NTSTATUS)0xC000023DL)
#define STATUS_PROTOCOL_UNREACHABLE ((NTSTATUS)0xC000023EL)
#define STATUS_PORT_UNREACHABLE ((NTSTATUS)0xC000023FL)
#define STATUS_REQUEST_ABORTED ((NTSTATUS)0xC0000240L)
#define STATUS_CONNECTION_ABORTED ((NTSTATUS)0xC0000241L)
#define STATUS_RESOURCE_NOT_OWNED ((NTSTATUS)0xC0000264L)
#define STATUS_TOO_MANY_LINKS ((NTSTATUS)0xC0000265L)
#define STATUS_VOLUME_DISMOUNTED ((NTSTATUS)0xC000026EL)
#define STATUS_NOT_A_REPARSE_POINT ((NTSTATUS)0xC0000275L)
#define STATUS_DEVICE_REMOVED ((NTSTATUS)0xC00002B6L)
#define STATUS_NOINTERFACE ((NTSTATUS)0xC00002B9L)
#define STATUS_POWER_STATE_INVALID ((NTSTATUS)0xC00002D3L)
#define STATUS_FILE_TOO_LARGE ((NTSTATUS)0xC0000904L)

/**
 * NTSHIM_STATUS_ERRNO_MAP() - every named NTSTATUS and the errno it maps to
 * @S: a macro S(status, errno) applied to each pair
 *
 * The status -> errno direction: each status appears once (so the list is
 * also the name table).  Several statuses share an errno; which of them an
 * errno maps back to is NTSHIM_ERRNO_STATUS_MAP()'s business.
 * Success and informational codes map to 0 except where a Linux caller
 * must see the difference (a timeout, a pending request, an alerted wait).
 */
#define NTSHIM_STATUS_ERRNO_MAP(S)                                            \
	S(STATUS_SUCCESS, 0)                                                  \
	S(STATUS_WAIT_1, 0)                                                   \
	S(STATUS_WAIT_2, 0)                                                   \
	S(STATUS_WAIT_3, 0)                                                   \
	S(STATUS_WAIT_63, 0)                                                  \
	S(STATUS_ABANDONED, 0)                                                \
	S(STATUS_ABANDONED_WAIT_63, 0)                                        \
	S(STATUS_USER_APC, -EINTR)                                            \
	S(STATUS_KERNEL_APC, -EINTR)                                          \
	S(STATUS_ALERTED, -EINTR)                                             \
	S(STATUS_TIMEOUT, -ETIMEDOUT)                                         \
	S(STATUS_PENDING, -EINPROGRESS)                                       \
	S(STATUS_REPARSE, 0)                                                  \
	S(STATUS_MORE_ENTRIES, 0)                                             \
	S(STATUS_NOT_ALL_ASSIGNED, 0)                                         \
	S(STATUS_SOME_NOT_MAPPED, 0)                                          \
	S(STATUS_NOTIFY_CLEANUP, 0)                                           \
	S(STATUS_NOTIFY_ENUM_DIR, 0)                                          \
	S(STATUS_BUFFER_ALL_ZEROS, 0)                                         \
	S(STATUS_OBJECT_NAME_EXISTS, 0)                                       \
	S(STATUS_THREAD_WAS_SUSPENDED, 0)                                     \
	S(STATUS_IMAGE_NOT_AT_BASE, 0)                                        \
	S(STATUS_GUARD_PAGE_VIOLATION, -EFAULT)                               \
	S(STATUS_DATATYPE_MISALIGNMENT, -EFAULT)                              \
	S(STATUS_BREAKPOINT, -EIO)                                            \
	S(STATUS_SINGLE_STEP, -EIO)                                           \
	S(STATUS_BUFFER_OVERFLOW, -EOVERFLOW)                                 \
	S(STATUS_NO_MORE_FILES, -ENOENT)                                      \
	S(STATUS_PARTIAL_COPY, -EFAULT)                                       \
	S(STATUS_DEVICE_PAPER_EMPTY, -EIO)                                    \
	S(STATUS_DEVICE_POWERED_OFF, -ENODEV)                                 \
	S(STATUS_DEVICE_OFF_LINE, -ENODEV)                                    \
	S(STATUS_DEVICE_BUSY, -EBUSY)                                         \
	S(STATUS_NO_MORE_EAS, -ENODATA)                                       \
	S(STATUS_VERIFY_REQUIRED, -EAGAIN)                                    \
	S(STATUS_NO_MORE_ENTRIES, -ENOENT)                                    \
	S(STATUS_MEDIA_CHANGED, -ENOMEDIUM)                                   \
	S(STATUS_BUS_RESET, -EIO)                                             \
	S(STATUS_END_OF_MEDIA, -ENOSPC)                                       \
	S(STATUS_NO_DATA_DETECTED, -ENODATA)                                  \
	S(STATUS_UNSUCCESSFUL, -EIO)                                          \
	S(STATUS_NOT_IMPLEMENTED, -EOPNOTSUPP)                                  \
	S(STATUS_INVALID_INFO_CLASS, -EINVAL)                                 \
	S(STATUS_INFO_LENGTH_MISMATCH, -EINVAL)                               \
	S(STATUS_ACCESS_VIOLATION, -EFAULT)                                   \
	S(STATUS_IN_PAGE_ERROR, -EIO)                                         \
	S(STATUS_INVALID_HANDLE, -EBADF)                                      \
	S(STATUS_TIMER_NOT_CANCELED, -EBUSY)                                  \
	S(STATUS_INVALID_PARAMETER, -EINVAL)                                  \
	S(STATUS_NO_SUCH_DEVICE, -ENODEV)                                     \
	S(STATUS_NO_SUCH_FILE, -ENOENT)                                       \
	S(STATUS_INVALID_DEVICE_REQUEST, -ENOTTY)                             \
	S(STATUS_END_OF_FILE, -ENODATA)                                       \
	S(STATUS_NO_MEDIA_IN_DEVICE, -ENOMEDIUM)                              \
	S(STATUS_UNRECOGNIZED_MEDIA, -EMEDIUMTYPE)                            \
	S(STATUS_NONEXISTENT_SECTOR, -ENXIO)                                  \
	S(STATUS_MORE_PROCESSING_REQUIRED, -EINPROGRESS)                      \
	S(STATUS_NO_MEMORY, -ENOMEM)                                          \
	S(STATUS_CONFLICTING_ADDRESSES, -EADDRINUSE)                          \
	S(STATUS_ILLEGAL_INSTRUCTION, -EIO)                                   \
	S(STATUS_INVALID_LOCK_SEQUENCE, -EINVAL)                              \
	S(STATUS_ALREADY_COMMITTED, -EEXIST)                                  \
	S(STATUS_ACCESS_DENIED, -EACCES)                                      \
	S(STATUS_BUFFER_TOO_SMALL, -ERANGE)                                   \
	S(STATUS_OBJECT_TYPE_MISMATCH, -EINVAL)                               \
	S(STATUS_NOT_LOCKED, -ENOLCK)                                         \
	S(STATUS_PARITY_ERROR, -EIO)                                          \
	S(STATUS_NOT_COMMITTED, -EFAULT)                                      \
	S(STATUS_INVALID_PARAMETER_MIX, -EINVAL)                              \
	S(STATUS_OBJECT_NAME_INVALID, -EINVAL)                                \
	S(STATUS_OBJECT_NAME_NOT_FOUND, -ENOENT)                              \
	S(STATUS_OBJECT_NAME_COLLISION, -EEXIST)                              \
	S(STATUS_DEVICE_ALREADY_ATTACHED, -EBUSY)                             \
	S(STATUS_OBJECT_PATH_INVALID, -ENOTDIR)                               \
	S(STATUS_OBJECT_PATH_NOT_FOUND, -ENOENT)                              \
	S(STATUS_OBJECT_PATH_SYNTAX_BAD, -EINVAL)                             \
	S(STATUS_DATA_OVERRUN, -EIO)                                          \
	S(STATUS_DATA_LATE_ERROR, -EIO)                                       \
	S(STATUS_DATA_ERROR, -EIO)                                            \
	S(STATUS_CRC_ERROR, -EBADMSG)                                         \
	S(STATUS_SHARING_VIOLATION, -EBUSY)                                   \
	S(STATUS_QUOTA_EXCEEDED, -EDQUOT)                                     \
	S(STATUS_MUTANT_NOT_OWNED, -EPERM)                                    \
	S(STATUS_SEMAPHORE_LIMIT_EXCEEDED, -EOVERFLOW)                        \
	S(STATUS_THREAD_IS_TERMINATING, -ESRCH)                               \
	S(STATUS_FILE_LOCK_CONFLICT, -EAGAIN)                                 \
	S(STATUS_LOCK_NOT_GRANTED, -EAGAIN)                                   \
	S(STATUS_DELETE_PENDING, -ENOENT)                                     \
	S(STATUS_PRIVILEGE_NOT_HELD, -EPERM)                                  \
	S(STATUS_INVALID_IMAGE_FORMAT, -ENOEXEC)                              \
	S(STATUS_DISK_FULL, -ENOSPC)                                          \
	S(STATUS_ARRAY_BOUNDS_EXCEEDED, -ERANGE)                              \
	S(STATUS_INTEGER_DIVIDE_BY_ZERO, -EDOM)                               \
	S(STATUS_INTEGER_OVERFLOW, -EOVERFLOW)                                \
	S(STATUS_FILE_INVALID, -ESTALE)                                       \
	S(STATUS_INSUFFICIENT_RESOURCES, -ENOMEM)                             \
	S(STATUS_DEVICE_DATA_ERROR, -EIO)                                     \
	S(STATUS_DEVICE_NOT_CONNECTED, -ENODEV)                               \
	S(STATUS_DEVICE_POWER_FAILURE, -EIO)                                  \
	S(STATUS_MEMORY_NOT_ALLOCATED, -EFAULT)                               \
	S(STATUS_MEDIA_WRITE_PROTECTED, -EROFS)                               \
	S(STATUS_DEVICE_NOT_READY, -EAGAIN)                                   \
	S(STATUS_ILLEGAL_FUNCTION, -EOPNOTSUPP)                               \
	S(STATUS_PIPE_DISCONNECTED, -EPIPE)                                   \
	S(STATUS_IO_TIMEOUT, -ETIMEDOUT)                                      \
	S(STATUS_FILE_IS_A_DIRECTORY, -EISDIR)                                \
	S(STATUS_NOT_SUPPORTED, -EOPNOTSUPP)                                  \
	S(STATUS_NETWORK_BUSY, -EBUSY)                                        \
	S(STATUS_DEVICE_DOES_NOT_EXIST, -ENXIO)                               \
	S(STATUS_TOO_MANY_COMMANDS, -EBUSY)                                   \
	S(STATUS_ADAPTER_HARDWARE_ERROR, -EIO)                                \
	S(STATUS_BAD_DEVICE_TYPE, -ENODEV)                                    \
	S(STATUS_NOT_SAME_DEVICE, -EXDEV)                                     \
	S(STATUS_CANT_WAIT, -EAGAIN)                                          \
	S(STATUS_INTERNAL_ERROR, -EIO)                                        \
	S(STATUS_INVALID_USER_BUFFER, -EFAULT)                                \
	S(STATUS_UNEXPECTED_IO_ERROR, -EIO)                                   \
	S(STATUS_INVALID_PARAMETER_1, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_2, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_3, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_4, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_5, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_6, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_7, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_8, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_9, -EINVAL)                                \
	S(STATUS_INVALID_PARAMETER_10, -EINVAL)                               \
	S(STATUS_INVALID_PARAMETER_11, -EINVAL)                               \
	S(STATUS_INVALID_PARAMETER_12, -EINVAL)                               \
	S(STATUS_STACK_OVERFLOW, -ENOMEM)                                     \
	S(STATUS_DIRECTORY_NOT_EMPTY, -ENOTEMPTY)                             \
	S(STATUS_FILE_CORRUPT_ERROR, -EUCLEAN)                                \
	S(STATUS_NOT_A_DIRECTORY, -ENOTDIR)                                   \
	S(STATUS_NAME_TOO_LONG, -ENAMETOOLONG)                                \
	S(STATUS_FILES_OPEN, -EBUSY)                                          \
	S(STATUS_PROCESS_IS_TERMINATING, -ESRCH)                              \
	S(STATUS_TOO_MANY_OPENED_FILES, -EMFILE)                              \
	S(STATUS_CANCELLED, -ECANCELED)                                       \
	S(STATUS_CANNOT_DELETE, -EPERM)                                       \
	S(STATUS_FILE_DELETED, -ENOENT)                                       \
	S(STATUS_FILE_CLOSED, -EBADF)                                         \
	S(STATUS_TOO_MANY_THREADS, -EAGAIN)                                   \
	S(STATUS_DLL_NOT_FOUND, -ENOENT)                                      \
	S(STATUS_OPEN_FAILED, -EIO)                                           \
	S(STATUS_ENTRYPOINT_NOT_FOUND, -ENOENT)                               \
	S(STATUS_LINK_FAILED, -ENOLINK)                                       \
	S(STATUS_LINK_TIMEOUT, -ETIMEDOUT)                                    \
	S(STATUS_INVALID_CONNECTION, -ENOTCONN)                               \
	S(STATUS_INVALID_ADDRESS, -EADDRNOTAVAIL)                             \
	S(STATUS_PIPE_BROKEN, -EPIPE)                                         \
	S(STATUS_ILLEGAL_CHARACTER, -EILSEQ)                                  \
	S(STATUS_UNMAPPABLE_CHARACTER, -EILSEQ)                               \
	S(STATUS_UNDEFINED_CHARACTER, -EILSEQ)                                \
	S(STATUS_INVALID_BLOCK_LENGTH, -EINVAL)                               \
	S(STATUS_DEVICE_NOT_PARTITIONED, -ENXIO)                              \
	S(STATUS_NO_MEDIA, -ENOMEDIUM)                                        \
	S(STATUS_DEVICE_CONFIGURATION_ERROR, -EIO)                            \
	S(STATUS_DRIVER_INTERNAL_ERROR, -EIO)                                 \
	S(STATUS_INVALID_DEVICE_STATE, -EIO)                                  \
	S(STATUS_IO_DEVICE_ERROR, -EIO)                                       \
	S(STATUS_DEVICE_PROTOCOL_ERROR, -EPROTO)                              \
	S(STATUS_TOO_LATE, -ETIME)                                            \
	S(STATUS_POSSIBLE_DEADLOCK, -EDEADLK)                                 \
	S(STATUS_INVALID_BUFFER_SIZE, -EINVAL)                                \
	S(STATUS_ADDRESS_ALREADY_EXISTS, -EADDRINUSE)                         \
	S(STATUS_ADDRESS_CLOSED, -EBADF)                                      \
	S(STATUS_CONNECTION_DISCONNECTED, -ENOTCONN)                          \
	S(STATUS_CONNECTION_RESET, -ECONNRESET)                               \
	S(STATUS_TRANSACTION_ABORTED, -ECANCELED)                             \
	S(STATUS_TRANSACTION_TIMED_OUT, -ETIMEDOUT)                           \
	S(STATUS_NOT_FOUND, -ENOENT)                                          \
	S(STATUS_RETRY, -EAGAIN)                                              \
	S(STATUS_CONNECTION_REFUSED, -ECONNREFUSED)                           \
	S(STATUS_GRACEFUL_DISCONNECT, -ESHUTDOWN)                             \
	S(STATUS_ADDRESS_ALREADY_ASSOCIATED, -EISCONN)                        \
	S(STATUS_ADDRESS_NOT_ASSOCIATED, -ENOTCONN)                           \
	S(STATUS_CONNECTION_INVALID, -ENOTCONN)                               \
	S(STATUS_CONNECTION_ACTIVE, -EISCONN)                                 \
	S(STATUS_NETWORK_UNREACHABLE, -ENETUNREACH)                           \
	S(STATUS_HOST_UNREACHABLE, -EHOSTUNREACH)                             \
	S(STATUS_PROTOCOL_UNREACHABLE, -ENOPROTOOPT)                          \
	S(STATUS_PORT_UNREACHABLE, -ECONNREFUSED)                             \
	S(STATUS_REQUEST_ABORTED, -ECANCELED)                                 \
	S(STATUS_CONNECTION_ABORTED, -ECONNABORTED)                           \
	S(STATUS_RESOURCE_NOT_OWNED, -EPERM)                                  \
	S(STATUS_TOO_MANY_LINKS, -EMLINK)                                     \
	S(STATUS_VOLUME_DISMOUNTED, -ENODEV)                                  \
	S(STATUS_NOT_A_REPARSE_POINT, -EINVAL)                                \
	S(STATUS_DEVICE_REMOVED, -ENODEV)                                     \
	S(STATUS_NOINTERFACE, -EOPNOTSUPP)                                    \
	S(STATUS_POWER_STATE_INVALID, -ESHUTDOWN)                             \
	S(STATUS_FILE_TOO_LARGE, -EFBIG)

/**
 * NTSHIM_ERRNO_STATUS_MAP() - the status each errno maps back to
 * @E: a macro E(errno, status) applied to each pair
 *
 * The errno -> status direction.  Every errno that
 * NTSHIM_STATUS_ERRNO_MAP() produces is here, and each maps to a status
 * that maps back to the same errno, so errno -> status -> errno is the
 * identity on this list (kunit/status_test.c checks it).
 */
#define NTSHIM_ERRNO_STATUS_MAP(E)                                            \
	E(0, STATUS_SUCCESS)                                                  \
	E(-EINTR, STATUS_ALERTED)                                             \
	E(-EINPROGRESS, STATUS_PENDING)                                       \
	E(-ETIMEDOUT, STATUS_IO_TIMEOUT)                                      \
	E(-EPERM, STATUS_PRIVILEGE_NOT_HELD)                                  \
	E(-ENOENT, STATUS_OBJECT_NAME_NOT_FOUND)                              \
	E(-ESRCH, STATUS_PROCESS_IS_TERMINATING)                              \
	E(-EIO, STATUS_IO_DEVICE_ERROR)                                       \
	E(-ENXIO, STATUS_DEVICE_DOES_NOT_EXIST)                               \
	E(-ENOEXEC, STATUS_INVALID_IMAGE_FORMAT)                              \
	E(-EBADF, STATUS_INVALID_HANDLE)                                      \
	E(-EAGAIN, STATUS_RETRY)                                              \
	E(-ENOMEM, STATUS_INSUFFICIENT_RESOURCES)                             \
	E(-EACCES, STATUS_ACCESS_DENIED)                                      \
	E(-EFAULT, STATUS_ACCESS_VIOLATION)                                   \
	E(-EBUSY, STATUS_DEVICE_BUSY)                                         \
	E(-EEXIST, STATUS_OBJECT_NAME_COLLISION)                              \
	E(-EXDEV, STATUS_NOT_SAME_DEVICE)                                     \
	E(-ENODEV, STATUS_NO_SUCH_DEVICE)                                     \
	E(-ENOTDIR, STATUS_NOT_A_DIRECTORY)                                   \
	E(-EISDIR, STATUS_FILE_IS_A_DIRECTORY)                                \
	E(-EINVAL, STATUS_INVALID_PARAMETER)                                  \
	E(-EMFILE, STATUS_TOO_MANY_OPENED_FILES)                              \
	E(-ENOTTY, STATUS_INVALID_DEVICE_REQUEST)                             \
	E(-EFBIG, STATUS_FILE_TOO_LARGE)                                      \
	E(-ENOSPC, STATUS_DISK_FULL)                                          \
	E(-EROFS, STATUS_MEDIA_WRITE_PROTECTED)                               \
	E(-EMLINK, STATUS_TOO_MANY_LINKS)                                     \
	E(-EPIPE, STATUS_PIPE_BROKEN)                                         \
	E(-EDOM, STATUS_INTEGER_DIVIDE_BY_ZERO)                               \
	E(-ERANGE, STATUS_BUFFER_TOO_SMALL)                                   \
	E(-EDEADLK, STATUS_POSSIBLE_DEADLOCK)                                 \
	E(-ENAMETOOLONG, STATUS_NAME_TOO_LONG)                                \
	E(-ENOLCK, STATUS_NOT_LOCKED)                                         \
	E(-ENOTEMPTY, STATUS_DIRECTORY_NOT_EMPTY)                             \
	E(-ENODATA, STATUS_END_OF_FILE)                                       \
	E(-ETIME, STATUS_TOO_LATE)                                            \
	E(-ENOLINK, STATUS_LINK_FAILED)                                       \
	E(-EPROTO, STATUS_DEVICE_PROTOCOL_ERROR)                              \
	E(-EBADMSG, STATUS_CRC_ERROR)                                         \
	E(-EOVERFLOW, STATUS_INTEGER_OVERFLOW)                                \
	E(-EILSEQ, STATUS_ILLEGAL_CHARACTER)                                  \
	E(-ENOPROTOOPT, STATUS_PROTOCOL_UNREACHABLE)                          \
	E(-EOPNOTSUPP, STATUS_NOT_SUPPORTED)                                  \
	E(-EADDRINUSE, STATUS_ADDRESS_ALREADY_EXISTS)                         \
	E(-EADDRNOTAVAIL, STATUS_INVALID_ADDRESS)                             \
	E(-ENETUNREACH, STATUS_NETWORK_UNREACHABLE)                           \
	E(-ECONNABORTED, STATUS_CONNECTION_ABORTED)                           \
	E(-ECONNRESET, STATUS_CONNECTION_RESET)                               \
	E(-EISCONN, STATUS_CONNECTION_ACTIVE)                                 \
	E(-ENOTCONN, STATUS_CONNECTION_DISCONNECTED)                          \
	E(-ESHUTDOWN, STATUS_GRACEFUL_DISCONNECT)                             \
	E(-ECONNREFUSED, STATUS_CONNECTION_REFUSED)                           \
	E(-EHOSTUNREACH, STATUS_HOST_UNREACHABLE)                             \
	E(-ESTALE, STATUS_FILE_INVALID)                                       \
	E(-EUCLEAN, STATUS_FILE_CORRUPT_ERROR)                                \
	E(-EDQUOT, STATUS_QUOTA_EXCEEDED)                                     \
	E(-ENOMEDIUM, STATUS_NO_MEDIA_IN_DEVICE)                              \
	E(-EMEDIUMTYPE, STATUS_UNRECOGNIZED_MEDIA)                            \
	E(-ECANCELED, STATUS_CANCELLED)

/**
 * ntshim_status_to_errno() - the Linux errno for an NTSTATUS
 * @status: any NTSTATUS
 *
 * Uses NTSHIM_STATUS_ERRNO_MAP().  A status not in the table maps by its
 * severity: success and informational to 0, warnings and errors to -EIO.
 *
 * Return: 0 or a negative errno.
 */
int ntshim_status_to_errno(NTSTATUS status);

/**
 * ntshim_errno_to_status() - the NTSTATUS for a Linux errno
 * @err: 0 or an errno; negative (-ENOMEM) or positive (ENOMEM) alike
 *
 * Uses NTSHIM_ERRNO_STATUS_MAP().  Kernel-internal aliases are folded
 * first: -ERESTARTSYS and the other restart codes become -EINTR,
 * -ENOTSUPP becomes -EOPNOTSUPP, -ENOBUFS becomes -ENOMEM.  Any other
 * errno not in the table gives STATUS_UNSUCCESSFUL.
 *
 * Return: the NTSTATUS.
 */
NTSTATUS ntshim_errno_to_status(int err);

/**
 * ntshim_status_name() - the symbolic name of an NTSTATUS, for logs
 * @status: any NTSTATUS
 *
 * Aliases share a name: STATUS_WAIT_0 prints as "STATUS_SUCCESS".
 *
 * Return: a static string such as "STATUS_PENDING"; "STATUS_<unknown>"
 * for a code outside NTSHIM_STATUS_ERRNO_MAP() (print the value with it).
 */
const char *ntshim_status_name(NTSTATUS status);

#endif /* _NTSHIM_STATUS_H */
