/* libvirt-secret.c: placeholder until written. */
#include "internal.h"
