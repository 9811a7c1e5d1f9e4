/*
 * virerrorpriv.h: the pieces of virerror.c that the public error API in
 * libvirt-error.c is built on.
 *
 * The thread's last-error slot, the global callback and the default printer
 * live in the util library so that code linking only libvirt_util (unit
 * tests, helpers) can raise and dispatch errors; the public functions are
 * thin wrappers over these.
 */
#pragma once

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

/* The calling thread's error slot, created on first use; never NULL.
 * Its code is VIR_ERR_OK when no error is set. */
virErrorPtr virErrorLastObject(void);

/* Frees the strings of err and zeroes it. */
void virErrorClear(virErrorPtr err);

/* The handler set by virSetErrorFunc (and its data), read or replaced
 * atomically with respect to virDispatchError. */
void virErrorSetGlobalHandler(void *userData, virErrorFunc handler);

/* Prints err to stderr in upstream's "libvirt: <domain> error : <msg>"
 * format; does nothing for NULL or VIR_ERR_OK. */
void virErrorPrintDefault(const virError *err);
