/*
 * first-session.c: a short first session with Vireo.
 *
 * Opens a connection (test:///default unless a URI is given), prints what
 * the connection says about itself, the host and its domains, then closes
 * it.  The README's first command builds and runs this.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static int
fail(const char *what)
{
    fprintf(stderr, "%s failed: %s\n", what, virGetLastErrorMessage());
    return EXIT_FAILURE;
}

static const char *
stateName(int state)
{
    static const char *const names[] = {"no state", "running", "blocked",
                                        "paused", "shutting down",
                                        "shut off", "crashed",
                                        "suspended"};

    if (state < 0 || state >= (int)(sizeof(names) / sizeof(names[0])))
        return "?";
    return names[state];
}

static int
printDomains(virConnectPtr conn)
{
    virDomainPtr *domains = NULL;
    int n = virConnectListAllDomains(conn, &domains, 0);
    int i;

    if (n < 0)
        return -1;
    printf("Domains:    %d\n", n);
    for (i = 0; i < n; i++) {
        virDomainInfo dinfo;

        if (virDomainGetInfo(domains[i], &dinfo) == 0)
            printf("  %-12s id %-3d %-10s %lu KiB of %lu, %u vCPUs\n",
                   virDomainGetName(domains[i]), (int)virDomainGetID(domains[i]),
                   stateName(dinfo.state), dinfo.memory, dinfo.maxMem,
                   dinfo.nrVirtCpu);
        virDomainFree(domains[i]);
    }
    free(domains);
    return 0;
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : "test:///default";
    virConnectPtr conn;
    virNodeInfo info;
    unsigned long libver = 0;
    unsigned long hvver = 0;
    char *hostname;
    char *canonical;

    conn = virConnectOpenReadOnly(uri);
    if (!conn)
        return fail("virConnectOpenReadOnly");

    canonical = virConnectGetURI(conn);
    printf("Connected to %s\n", canonical ? canonical : uri);
    free(canonical);

    if (virConnectGetLibVersion(conn, &libver) < 0)
        return fail("virConnectGetLibVersion");
    printf("API level:  %lu.%lu.%lu\n", libver / 1000000, libver / 1000 % 1000,
           libver % 1000);
    printf("Driver:     %s", virConnectGetType(conn));
    if (virConnectGetVersion(conn, &hvver) == 0)
        printf(" (version %lu)", hvver);
    printf("\n");

    hostname = virConnectGetHostname(conn);
    if (!hostname)
        return fail("virConnectGetHostname");
    printf("Host:       %s\n", hostname);
    free(hostname);

    if (virNodeGetInfo(conn, &info) < 0)
        return fail("virNodeGetInfo");
    printf("CPU model:  %s, %u CPUs at %u MHz (%u nodes, %u sockets, "
           "%u cores, %u threads)\n", info.model, info.cpus, info.mhz,
           info.nodes, info.sockets, info.cores, info.threads);
    printf("Memory:     %lu KiB\n", info.memory);
    printf("Max vCPUs:  %d\n", virConnectGetMaxVcpus(conn, NULL));
    printf("Encrypted:  %s, secure: %s\n",
           virConnectIsEncrypted(conn) == 1 ? "yes" : "no",
           virConnectIsSecure(conn) == 1 ? "yes" : "no");

    if (printDomains(conn) < 0)
        return fail("virConnectListAllDomains");

    if (virConnectClose(conn) < 0)
        return fail("virConnectClose");
    printf("Closed.\n");
    return EXIT_SUCCESS;
}
