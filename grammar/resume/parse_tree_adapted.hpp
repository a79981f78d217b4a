// Boost.Fusion adaptation of the parse tree, kept apart so the tree itself stays plain.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/resume/parse_tree.hpp"

BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::Line, text, tags)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::HeaderField, key, value)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::SectionHeading, marker, title)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::EntryHeading, marker, fields, url, tags)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::Bullet, marker, first, more)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::BadHeading, marker, rest)
BOOST_FUSION_ADAPT_STRUCT(tailor::grammar::resume::ast::DateRange, start, end)
