/** Finance math: discounting, NPV, IRR, loan amortisation schedules, depreciation, dilution. */
@NullMarked
package io.minerai.planning.finance;

import org.jspecify.annotations.NullMarked;
