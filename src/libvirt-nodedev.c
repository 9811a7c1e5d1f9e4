/* libvirt-nodedev.c: placeholder until written. */
#include "internal.h"
