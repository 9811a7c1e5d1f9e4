/* libvirt-domain-snapshot.c: placeholder until written. */
#include "internal.h"
