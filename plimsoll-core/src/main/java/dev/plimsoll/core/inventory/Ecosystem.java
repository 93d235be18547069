package dev.plimsoll.core.inventory;

/** Package ecosystems, each with its package-url type. */
public enum Ecosystem {
    DEB("deb", true),
    APK("apk", true),
    RPM("rpm", true),
    MAVEN("maven", false),
    NPM("npm", false),
    PYPI("pypi", false),
    GOLANG("golang", false),
    CARGO("cargo", false),
    GEM("gem", false),
    NUGET("nuget", false),
    COMPOSER("composer", false),
    HEX("hex", false),
    PUB("pub", false),
    CONAN("conan", false),
    SWIFT("swift", false),
    COCOAPODS("cocoapods", false),
    GENERIC("generic", false);

    private final String purlType;
    private final boolean os;

    Ecosystem(String purlType, boolean os) {
        this.purlType = purlType;
        this.os = os;
    }

    public String purlType() {
        return purlType;
    }

    /** Whether packages of this ecosystem are installed by the operating system's package manager. */
    public boolean isOs() {
        return os;
    }
}
