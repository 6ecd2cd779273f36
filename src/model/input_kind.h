/*
 * input_kind.h - the kinds of input file costplan reads, told apart by
 * content (model/input.h does the telling).
 */
#ifndef COSTPLAN_INPUT_KIND_H
#define COSTPLAN_INPUT_KIND_H

enum input_kind {
	INPUT_SCENARIO,
	INPUT_PLAN,
	INPUT_STATE,
};

#endif
