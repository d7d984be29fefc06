/** The portfolio use case shared by the CLI and the server, and its results as a map for JSON. */
@NullMarked
package io.minerai.portfolio.run;

import org.jspecify.annotations.NullMarked;
