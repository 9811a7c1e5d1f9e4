// Every public header must be usable from C++: this translation unit
// includes them all (with and without the enum sentinels, the way the
// language bindings do) and is compiled with -Werror.
#define VIR_ENUM_SENTINELS
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/libvirt-lxc.h>
#include <libvirt/libvirt-admin.h>

#include <cstdio>

int main()
{
    // Touch a few declarations so that the names must resolve in C++.
    int (*getVersion)(unsigned long *, const char *, unsigned long *) = virGetVersion;
    virTypedParameter param = {};
    param.type = VIR_TYPED_PARAM_INT;
    param.value.i = 1;
    std::printf("%s %d %d\n", getVersion ? "c++ ok" : "missing",
                LIBVIR_VERSION_NUMBER, param.value.i);
    return 0;
}
