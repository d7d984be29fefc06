/** The plan use case shared by the CLI and the server: one request, one run, its cash-flow cases. */
@NullMarked
package io.minerai.planning.run;

import org.jspecify.annotations.NullMarked;
