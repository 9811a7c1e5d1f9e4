/*
 * virevent.h: the event loop the library runs its callbacks from.
 *
 * The public virEventAddHandle() and friends (declared in libvirt-event.h)
 * dispatch to whichever implementation the application registered with
 * virEventRegisterImpl(), or to the default one, built on GLib's default
 * main context, installed by virEventRegisterDefaultImpl().
 */
#pragma once

#include "internal.h"

/* -1 with VIR_ERR_CONFIG_UNSUPPORTED unless an implementation is
 * registered; callers that need events (keepalive, streams) check first. */
int virEventRequireImpl(void);

/* Installs the GLib-based implementation (once; later calls do nothing). */
void virEventGLibRegister(void);
/* Runs one iteration of the default main context, sleeping until some
 * handle or timeout is ready. */
int virEventGLibRunOnce(void);
