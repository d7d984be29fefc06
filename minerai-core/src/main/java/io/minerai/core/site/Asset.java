package io.minerai.core.site;

/** Everything a site holds that draws or makes power. A closed family. */
public sealed interface Asset permits Load, Generator {
    /** Unique name within the site. */
    String name();
}
