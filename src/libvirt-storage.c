/* libvirt-storage.c: placeholder until written. */
#include "internal.h"
