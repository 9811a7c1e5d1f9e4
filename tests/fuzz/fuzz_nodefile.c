/*
 * fuzz_nodefile.c: a libFuzzer target for the test driver's node files
 * (test:///PATH).  Each input is written to a file and opened as a test
 * host through the public API; a host that loads is listed and its
 * objects' documents are formatted, so the loaders of every kind and the
 * test: namespace see hostile input.  Crashes, hangs, leaks and undefined
 * behaviour are caught by the sanitizers and libFuzzer's timeout.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static char *fuzzPath;
static char *fuzzURI;

static void
fuzzQuietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    g_autofree char *dir = g_dir_make_tmp("vireo-fuzz-node-XXXXXX", NULL);

    if (!dir)
        g_error("no temporary directory");
    fuzzPath = g_build_filename(dir, "node.xml", NULL);
    fuzzURI = g_strdup_printf("test://%s", fuzzPath);
    virSetErrorFunc(NULL, fuzzQuietErrors);
    return 0;
}

/* Every domain's, network's and pool's document, to run the formatters
 * over what the loaders accepted. */
static void
fuzzWalk(virConnectPtr conn)
{
    virDomainPtr *doms = NULL;
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    int n;
    int i;

    if ((n = virConnectListAllDomains(conn, &doms, 0)) > 0) {
        for (i = 0; i < n; i++) {
            free(virDomainGetXMLDesc(doms[i], 0));
            virDomainFree(doms[i]);
        }
    }
    free(doms);
    if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0) {
        for (i = 0; i < n; i++) {
            free(virNetworkGetXMLDesc(nets[i], 0));
            virNetworkFree(nets[i]);
        }
    }
    free(nets);
    if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0) {
        for (i = 0; i < n; i++) {
            free(virStoragePoolGetXMLDesc(pools[i], 0));
            virStoragePoolFree(pools[i]);
        }
    }
    free(pools);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    virConnectPtr conn;

    if (!g_file_set_contents(fuzzPath, (const char *)data, size, NULL))
        return 0;
    if ((conn = virConnectOpen(fuzzURI))) {
        fuzzWalk(conn);
        virConnectClose(conn);
    }
    virResetLastError();
    return 0;
}
