/* libvirt-event.c: placeholder until written. */
#include "internal.h"
