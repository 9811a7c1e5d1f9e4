/* Forced into each seed example (gcc -include seed-uri.h -DSEED_URI=...):
 * the examples hard-code qemu:///system and qemu+tcp://localhost/system,
 * which need a daemon; these macros swap in SEED_URI so the unchanged
 * example code runs against the test driver.  libvirt.h comes first so its
 * own declarations are not rewritten. */
#include <libvirt/libvirt.h>

#define virConnectOpen(name) virConnectOpen(SEED_URI)
#define virConnectOpenReadOnly(name) virConnectOpenReadOnly(SEED_URI)
#define virConnectOpenAuth(name, auth, flags) virConnectOpenAuth(SEED_URI, auth, flags)
