/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Processes and threads: the current context (PsGetCurrentProcess() and
 * friends), system threads (PsCreateSystemThread()), and the object
 * manager calls a driver needs for them: ObReferenceObjectByHandle(),
 * ObReferenceObject(), ObDereferenceObject(), ZwClose().
 *
 * PEPROCESS, PETHREAD and PKTHREAD are opaque handles onto Linux tasks:
 *  - a PEPROCESS is the task_struct of the thread group's leader (a Linux
 *    process); its image name is the leader's comm, 15 characters at
 *    most, as Windows' EPROCESS ImageFileName;
 *  - the PETHREAD of a thread made by PsCreateSystemThread() is ntshim's
 *    thread object: a dispatcher object (signalled when the thread exits,
 *    so KeWaitForSingleObject() waits for the exit) with a reference
 *    count and a reference on the task;
 *  - the PETHREAD of any other thread is its task_struct: ids and
 *    PsIsSystemThread() work on it, waiting on it does not.
 * Process ids are tgids and thread ids pids, as HANDLE values, in the
 * initial pid namespace.  Kernel threads are their own processes on
 * Linux; Windows puts every system thread in the System process.
 *
 * Windows drivers sometimes find the image name at a fixed offset in the
 * EPROCESS, found by searching it for "System" at DriverEntry time.  That
 * is Windows-internal layout: on ntshim use PsGetProcessImageFileName().
 */
#ifndef _NTSHIM_PROCESS_H
#define _NTSHIM_PROCESS_H

#include <linux/compiler.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/event.h>

#include <ntshim/objects.h>

struct _OBJECT_TYPE;
typedef struct _OBJECT_TYPE *POBJECT_TYPE;

/* Object types for ObReferenceObjectByHandle(), used as *PsThreadType. */
extern POBJECT_TYPE *PsThreadType;
extern POBJECT_TYPE *PsProcessType;

/**
 * typedef KSTART_ROUTINE - a system thread's routine
 * @StartContext: PsCreateSystemThread()'s @StartContext
 */
typedef VOID KSTART_ROUTINE(PVOID StartContext);
typedef KSTART_ROUTINE *PKSTART_ROUTINE;

/**
 * struct _OBJECT_HANDLE_INFORMATION - a handle's attributes and access
 * @HandleAttributes: OBJ_* flags of the handle
 * @GrantedAccess:    the access granted (the access the handle was made
 *                    with: ntshim does no access checks)
 */
typedef struct _OBJECT_HANDLE_INFORMATION {
	ULONG HandleAttributes;
	ACCESS_MASK GrantedAccess;
} OBJECT_HANDLE_INFORMATION, *POBJECT_HANDLE_INFORMATION;

/* The pseudo handles of the current process and thread. */
#define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#define ZwCurrentProcess() NtCurrentProcess()
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)
#define ZwCurrentThread() NtCurrentThread()

/**
 * PsGetCurrentProcess() - the process the caller runs in
 *
 * The thread group leader's task.  In a DPC or an interrupt this is
 * whatever process was interrupted, as on Windows ("arbitrary thread
 * context").
 *
 * Return: the current process.
 */
PEPROCESS PsGetCurrentProcess(void);

/**
 * IoGetCurrentProcess() - the process the caller runs in
 *
 * Return: as PsGetCurrentProcess().
 */
PEPROCESS IoGetCurrentProcess(void);

/**
 * PsGetCurrentProcessId() - the current process id
 *
 * Return: the tgid, as a HANDLE.
 */
HANDLE PsGetCurrentProcessId(void);

/**
 * PsGetCurrentThread() - the thread the caller runs in
 *
 * Return: ntshim's thread object in a thread made by
 * PsCreateSystemThread(), else the task.  Not referenced.
 */
PETHREAD PsGetCurrentThread(void);

/**
 * KeGetCurrentThread() - the current thread as a PKTHREAD
 *
 * Return: PsGetCurrentThread(), cast.
 */
PKTHREAD KeGetCurrentThread(void);

/**
 * PsGetCurrentThreadId() - the current thread id
 *
 * Return: the pid (the Linux thread id), as a HANDLE.
 */
HANDLE PsGetCurrentThreadId(void);

/**
 * PsGetProcessImageFileName() - a process's image name
 * @Process: the process
 *
 * Return: the leader's comm: at most 15 characters and a NUL, as
 * Windows' ImageFileName.  Valid while @Process exists.
 */
PUCHAR PsGetProcessImageFileName(PEPROCESS Process);

/**
 * PsGetProcessId() - a process's id
 * @Process: the process
 *
 * Return: its tgid as a HANDLE.
 */
HANDLE PsGetProcessId(PEPROCESS Process);

/**
 * PsGetThreadId() - a thread's id
 * @Thread: the thread
 *
 * Return: its pid as a HANDLE.
 */
HANDLE PsGetThreadId(PETHREAD Thread);

/**
 * PsGetThreadProcessId() - the id of a thread's process
 * @Thread: the thread
 *
 * Return: its tgid as a HANDLE.
 */
HANDLE PsGetThreadProcessId(PETHREAD Thread);

/**
 * PsGetThreadProcess() - a thread's process
 * @Thread: the thread
 *
 * Return: the process (its leader's task).
 */
PEPROCESS PsGetThreadProcess(PETHREAD Thread);

/**
 * PsIsSystemThread() - is this a kernel thread?
 * @Thread: the thread
 *
 * Return: TRUE for kernel threads (PF_KTHREAD), as Windows answers for
 * threads of the System process.
 */
BOOLEAN PsIsSystemThread(PETHREAD Thread);

/**
 * PsCreateSystemThread() - start a kernel thread
 * @ThreadHandle:     receives a kernel handle to the thread
 * @DesiredAccess:    access for the handle (recorded, not checked)
 * @ObjectAttributes: NULL or attributes with OBJ_KERNEL_HANDLE
 * @ProcessHandle:    NULL (the System process): other processes are
 *                    refused, Linux kernel threads belong to none
 * @ClientId:         receives the new thread's ids, or NULL
 * @StartRoutine:     the routine, run at PASSIVE_LEVEL in a kthread
 * @StartContext:     its argument
 *
 * The thread ends when @StartRoutine returns or calls
 * PsTerminateSystemThread(); its object is then signalled.  A module that
 * unloads while a thread of its code still runs is reported and waited
 * for, before its timers and DPCs are cancelled.  PASSIVE_LEVEL.
 *
 * Return: STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, or
 * STATUS_INVALID_PARAMETER (reported as thread_misuse).
 */
NTSTATUS PsCreateSystemThread(PHANDLE ThreadHandle, ACCESS_MASK DesiredAccess,
			      POBJECT_ATTRIBUTES ObjectAttributes,
			      HANDLE ProcessHandle, PCLIENT_ID ClientId,
			      PKSTART_ROUTINE StartRoutine, PVOID StartContext);

/**
 * PsTerminateSystemThread() - end the current system thread
 * @ExitStatus: the thread's exit status
 *
 * Leaves the thread at once: a jump back to ntshim's thread start, so the
 * frames in between are abandoned (their __finally blocks do not run, as
 * on Windows).  The IRQL must be PASSIVE_LEVEL (reported and lowered
 * otherwise).
 *
 * Return: only for a thread not made by PsCreateSystemThread():
 * STATUS_INVALID_PARAMETER, reported as thread_misuse.
 */
NTSTATUS PsTerminateSystemThread(NTSTATUS ExitStatus);

/**
 * ntshim_thread_exit_status() - a system thread's exit status
 * @Thread: a thread made by PsCreateSystemThread()
 *
 * An ntshim extension (Windows reads it with ZwQueryInformationThread).
 *
 * Return: STATUS_PENDING while it runs, then what PsTerminateSystemThread()
 * got, or STATUS_SUCCESS if the routine returned.
 */
NTSTATUS ntshim_thread_exit_status(PETHREAD Thread);

/**
 * ObReferenceObjectByHandle() - the object behind a handle, referenced
 * @Handle:            a handle from PsCreateSystemThread(), or
 *                     NtCurrentThread() in a system thread
 * @DesiredAccess:     access wanted (not checked)
 * @ObjectType:        *PsThreadType or NULL
 * @AccessMode:        KernelMode (UserMode handles do not exist here)
 * @Object:            receives the object, with a reference the caller
 *                     drops with ObDereferenceObject()
 * @HandleInformation: NULL, or receives the handle's attributes
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_HANDLE for an unknown or closed
 * handle; STATUS_OBJECT_TYPE_MISMATCH for a type other than a thread.
 */
NTSTATUS ObReferenceObjectByHandle(HANDLE Handle, ACCESS_MASK DesiredAccess,
				   POBJECT_TYPE ObjectType,
				   KPROCESSOR_MODE AccessMode, PVOID *Object,
				   POBJECT_HANDLE_INFORMATION HandleInformation);

/**
 * ObfReferenceObject() - take a reference on an object
 * @Object: a system thread object, or any PEPROCESS/PETHREAD (a task)
 *
 * Return: the new count for thread objects, 1 for tasks (Linux does not
 * say).
 */
LONG_PTR ObfReferenceObject(PVOID Object);

/**
 * ObfDereferenceObject() - drop a reference taken on an object
 * @Object: as for ObfReferenceObject()
 *
 * The last reference to a thread object frees it (the thread has exited
 * by then: it holds one itself while it runs).  Any IRQL up to
 * DISPATCH_LEVEL.
 *
 * Return: the new count for thread objects, 0 for tasks.
 */
LONG_PTR ObfDereferenceObject(PVOID Object);

#define ObReferenceObject(o) ObfReferenceObject(o)
#define ObDereferenceObject(o) ObfDereferenceObject(o)

/**
 * ZwClose() - close a kernel handle
 * @Handle: a handle from PsCreateSystemThread()
 *
 * Drops the handle's reference; the thread goes on running.
 *
 * Return: STATUS_SUCCESS, or STATUS_INVALID_HANDLE (reported as
 * thread_misuse: Windows bugchecks with INVALID_KERNEL_HANDLE).
 */
NTSTATUS ZwClose(HANDLE Handle);

/**
 * ntshim_system_threads() - system threads still running
 *
 * An ntshim extension for tests.
 *
 * Return: the number of threads made by PsCreateSystemThread() that have
 * not yet exited.
 */
unsigned int ntshim_system_threads(void);

#endif /* _NTSHIM_PROCESS_H */
