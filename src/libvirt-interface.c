/* libvirt-interface.c: placeholder until written. */
#include "internal.h"
