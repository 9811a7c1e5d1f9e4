/* Seed example 3.3, extracted unchanged from the C application
 * development guide, chapter 3 (connections).  See
 * tests/seeds/run_seeds.py for how it is built and run. */
/* example ex3.c */
/* compile with: gcc -g -Wall ex3.c -o ex3 -lvirt */
#include <stdio.h>
#include <stdlib.h>
#include <libvirt/libvirt.h>

int main(int argc, char *argv[])
{
    virConnectPtr conn;

    conn = virConnectOpenAuth("qemu+tcp://localhost/system", virConnectAuthPtrDefault, 0);
    if (conn == NULL) {
        fprintf(stderr, "Failed to open connection to qemu+tcp://localhost/system\n");
        return 1;
    }
    virConnectClose(conn);
    return 0;
}
