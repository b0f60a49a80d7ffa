//! Referral patterns and cautions: see `super` for the coordinate conventions.

use super::*;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "upper_trapezius",
        sites: &[
            Site { view: View::Posterior, at: (50, 136), label: clinical!("free upper border, mid-fibres") },
            Site { view: View::Posterior, at: (14, 96), label: clinical!("upper fibres at the side of the neck") },
        ],
        zones: &[
            // The "question mark": up the posterolateral neck to the mastoid and behind the ear.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(27, 128), (22, 114), (21, 100), (22, 89), (26, 79), (29, 69), (32, 59), (32, 48), (30, 40), (26, 36), (21, 38), (20, 46), (21, 56), (17, 66), (13, 78), (10, 92), (10, 106), (12, 119), (18, 128)] },
            // ...curving over the ear forward to the temple.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(21, 25), (27, 20), (30, 26), (31, 35), (31, 42), (29, 48), (25, 46), (21, 39), (19, 31)] },
            // Angle of the jaw.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(19, 73), (24, 71), (26, 77), (24, 82), (21, 86), (17, 85), (15, 80), (16, 76)] },
            // Spillover behind the eye.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(11, 45), (18, 42), (24, 46), (23, 53), (17, 56), (11, 53)] },
        ],
        refers_to: clinical!("Posterolateral neck up to the mastoid, curving behind the ear to the temple (\"question mark\"); angle of the jaw. Spillover: behind the eye."),
    },
    Pattern {
        muscle: "levator_scapulae",
        sites: &[
            Site { view: View::Posterior, at: (25, 120), label: clinical!("angle of the neck") },
            Site { view: View::Posterior, at: (42, 148), label: clinical!("just above the superior angle of the scapula") },
        ],
        zones: &[
            // Angle of the neck, where neck meets shoulder.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(17, 108), (21, 110), (25, 118), (33, 125), (42, 131), (46, 139), (42, 146), (32, 147), (22, 143), (15, 134), (13, 120)] },
            // Down the medial border of the scapula.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(36, 148), (44, 149), (48, 163), (48, 188), (47, 210), (44, 226), (38, 229), (33, 217), (32, 195), (32, 172), (33, 157)] },
            // Back of the shoulder.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(70, 152), (82, 150), (92, 153), (99, 160), (101, 170), (94, 177), (82, 177), (72, 171), (67, 161)] },
        ],
        refers_to: clinical!("Angle of the neck (stiff neck); spillover along the medial scapular border and over the posterior shoulder."),
    },
    Pattern {
        muscle: "sternocleidomastoid",
        sites: &[
            Site { view: View::Anterior, at: (11, 118), label: clinical!("sternal head, along the belly") },
            Site { view: View::Anterior, at: (18, 130), label: clinical!("clavicular head, lower belly") },
            Site { view: View::Posterior, at: (25, 72), label: clinical!("upper belly below the mastoid") },
        ],
        zones: &[
            // Forehead, both sides (clavicular division).
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(-22, 22), (-10, 17), (0, 16), (10, 17), (22, 22), (25, 30), (22, 36), (10, 37), (0, 36), (-10, 37), (-22, 36), (-25, 30)] },
            // Around the eye (sternal division).
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(6, 42), (14, 39), (22, 41), (25, 47), (23, 55), (15, 58), (7, 56), (4, 49)] },
            // Cheek.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(14, 59), (22, 57), (27, 61), (27, 68), (22, 74), (15, 72), (12, 65)] },
            // Deep in the ear.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(28, 45), (33, 46), (35, 52), (33, 60), (28, 62), (25, 54)] },
            // Throat and top of the sternum.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(-3, 106), (4, 103), (11, 106), (14, 115), (13, 126), (9, 135), (2, 136), (-3, 128), (-4, 116)] },
            // Vertex, seen from the front and the back.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(2, 6), (8, 4), (14, 6), (17, 11), (15, 17), (8, 19), (2, 17), (0, 11)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(2, 6), (8, 4), (14, 6), (17, 11), (15, 17), (8, 19), (2, 17), (0, 11)] },
            // Occiput (sternal division).
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(6, 44), (13, 40), (21, 41), (25, 46), (24, 55), (19, 60), (12, 61), (6, 58), (4, 51)] },
            // Behind the ear (clavicular division).
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(27, 49), (32, 49), (35, 54), (32, 62), (28, 68), (24, 67), (23, 60), (24, 53)] },
        ],
        refers_to: clinical!("Sternal division: vertex, occiput, across the cheek, around and over the eye, throat. Clavicular division: forehead on both sides, behind the ear, deep ear ache."),
    },
    Pattern {
        muscle: "splenius_capitis",
        sites: &[
            Site { view: View::Posterior, at: (17, 74), label: clinical!("below the mastoid, between trapezius and SCM") },
        ],
        zones: &[
            // Vertex, same side.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(4, 6), (12, 4), (19, 8), (24, 14), (22, 21), (14, 24), (6, 22), (2, 15)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(3, 6), (10, 4), (16, 7), (19, 12), (15, 17), (8, 18), (2, 14)] },
        ],
        refers_to: clinical!("Vertex of the head on the same side."),
    },
    Pattern {
        muscle: "splenius_cervicis",
        sites: &[
            Site { view: View::Posterior, at: (22, 135), label: clinical!("lower neck, near the root of the neck") },
        ],
        zones: &[
            // Inside the head, focusing behind the eye.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(10, 42), (18, 40), (25, 44), (25, 52), (18, 56), (11, 54), (8, 48)] },
            // Angle of the neck.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(16, 112), (21, 112), (26, 120), (35, 127), (43, 133), (42, 141), (32, 143), (22, 140), (15, 132), (13, 121)] },
            // Diffuse ache through the side of the head toward the eye.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(8, 40), (18, 33), (28, 32), (32, 38), (31, 47), (24, 52), (14, 54), (7, 49)] },
        ],
        refers_to: clinical!("Diffuse ache inside the head converging behind the eye; angle of the neck. Spillover: through the side of the head toward the occiput."),
    },
    Pattern {
        muscle: "suboccipitals",
        sites: &[
            Site { view: View::Posterior, at: (17, 71), label: clinical!("below the occiput, suboccipital triangle") },
        ],
        zones: &[
            // Band from the occiput around the side of the head...
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(6, 52), (14, 46), (24, 43), (31, 46), (33, 55), (28, 62), (20, 64), (12, 64), (6, 60)] },
            // ...forward to the eye and forehead.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(9, 34), (19, 30), (28, 32), (31, 39), (30, 47), (24, 51), (15, 53), (7, 51), (5, 42)] },
        ],
        refers_to: clinical!("Band from the occiput around the side of the head to the eye and forehead; hard to locate exactly."),
    },
    Pattern {
        muscle: "semispinalis_capitis",
        sites: &[
            Site { view: View::Posterior, at: (8, 75), label: clinical!("upper posterior neck, below the occiput") },
            Site { view: View::Posterior, at: (7, 100), label: clinical!("mid posterior neck") },
        ],
        zones: &[
            // Occiput and a band around the head at temple level.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(2, 32), (12, 28), (24, 28), (31, 31), (32, 37), (30, 42), (21, 43), (14, 47), (11, 56), (6, 60), (2, 56), (1, 44)] },
            // The band reaching the temple.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(18, 28), (26, 25), (30, 28), (31, 35), (29, 42), (22, 42), (16, 38), (15, 32)] },
        ],
        refers_to: clinical!("Band around the head at temple level, strongest over the temple; occiput."),
    },
    Pattern {
        muscle: "anterior_scalene",
        sites: &[
            Site { view: View::Anterior, at: (13, 112), label: clinical!("side of the neck, behind the SCM") },
        ],
        zones: &[
            // Chest, pectoral region.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(30, 153), (45, 151), (57, 157), (61, 172), (57, 192), (50, 209), (40, 211), (32, 199), (28, 180), (27, 164)] },
            // Front of the upper arm.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(98, 176), (108, 179), (113, 195), (116, 220), (118, 245), (117, 265), (111, 274), (104, 269), (98, 250), (93, 225), (91, 201), (92, 186)] },
            // Radial forearm.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            // Thumb and index finger.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
            // Back of the arm and forearm, dorsal thumb and index.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(98, 176), (108, 179), (113, 195), (116, 220), (118, 245), (117, 265), (111, 274), (104, 269), (98, 250), (93, 225), (91, 201), (92, 186)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
            // Medial scapular border.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(36, 150), (44, 151), (47, 165), (47, 188), (46, 208), (43, 224), (38, 227), (34, 216), (33, 195), (33, 172), (34, 158)] },
        ],
        refers_to: clinical!("Front of the chest, front of the upper arm, thumb and index finger, medial scapular border; spillover down the radial forearm and over the back of the arm."),
    },
    Pattern {
        muscle: "middle_scalene",
        sites: &[
            Site { view: View::Anterior, at: (22, 124), label: clinical!("side of the neck, floor of the posterior triangle") },
            Site { view: View::Anterior, at: (30, 136), label: clinical!("above the clavicle") },
        ],
        zones: &[
            // Front and back of the upper arm.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(99, 178), (109, 181), (114, 198), (117, 222), (119, 248), (118, 268), (112, 277), (105, 272), (99, 252), (94, 227), (92, 203), (93, 188)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(99, 178), (109, 181), (114, 198), (117, 222), (119, 248), (118, 268), (112, 277), (105, 272), (99, 252), (94, 227), (92, 203), (93, 188)] },
            // Chest.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(32, 155), (46, 153), (57, 159), (60, 174), (56, 192), (49, 206), (40, 207), (33, 196), (29, 178), (29, 165)] },
            // Radial forearm, front and back.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            // Thumb and index finger, palmar and dorsal.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
            // Medial scapular border.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(36, 150), (44, 151), (47, 165), (47, 188), (46, 208), (43, 224), (38, 227), (34, 216), (33, 195), (33, 172), (34, 158)] },
        ],
        refers_to: clinical!("Front and back of the upper arm, thumb and index finger, medial scapular border; spillover to the chest and the radial forearm."),
    },
    Pattern {
        muscle: "posterior_scalene",
        sites: &[
            Site { view: View::Anterior, at: (40, 138), label: clinical!("low in the side of the neck, behind the middle scalene") },
        ],
        zones: &[
            // Medial scapular border, upper part.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(36, 148), (44, 149), (48, 162), (48, 182), (46, 200), (41, 208), (35, 202), (33, 185), (33, 166), (34, 155)] },
            // Back of the upper arm.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(98, 180), (107, 182), (112, 198), (115, 222), (116, 246), (113, 262), (107, 266), (101, 254), (96, 230), (93, 206), (94, 190)] },
            // Front of the arm, chest, radial forearm, thumb and index: lighter.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(99, 178), (109, 181), (114, 198), (117, 222), (119, 248), (118, 268), (112, 277), (105, 272), (99, 252), (94, 227), (92, 203), (93, 188)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(33, 158), (45, 156), (54, 162), (56, 176), (52, 190), (43, 194), (35, 186), (31, 172)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(124, 306), (131, 309), (135, 325), (141, 350), (145, 375), (146, 391), (140, 392), (134, 370), (127, 345), (121, 322), (119, 310)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(146, 404), (154, 405), (161, 413), (166, 423), (168, 432), (167, 439), (164, 437), (158, 434), (157, 448), (157, 462), (154, 469), (150, 466), (149, 452), (146, 436), (143, 420), (143, 410)] },
        ],
        refers_to: clinical!("Upper medial scapular border and back of the upper arm; spillover to the front of the arm, chest, radial forearm, thumb and index finger."),
    },
    Pattern {
        muscle: "temporalis",
        sites: &[
            Site { view: View::Anterior, at: (29, 32), label: clinical!("mid-temple") },
            Site { view: View::Anterior, at: (29, 48), label: clinical!("anterior fibres above the zygomatic arch") },
        ],
        zones: &[
            // Temple.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(20, 20), (28, 18), (31, 26), (32, 36), (31, 46), (28, 53), (23, 50), (19, 40), (18, 29)] },
            // Eyebrow.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(8, 38), (16, 35), (24, 37), (27, 42), (22, 45), (13, 45), (7, 43)] },
            // Upper teeth.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(4, 76), (11, 74), (18, 75), (22, 79), (19, 84), (11, 85), (4, 84), (2, 80)] },
            // Side of the head above the ear, seen from behind.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(21, 24), (28, 21), (31, 30), (32, 39), (30, 46), (24, 44), (20, 34)] },
        ],
        refers_to: clinical!("Temple, over the eyebrow, upper teeth; spillover above the ear toward the back of the temple."),
    },
    Pattern {
        muscle: "masseter",
        sites: &[
            Site { view: View::Anterior, at: (25, 66), label: clinical!("cheek over the jaw, mid-belly") },
            Site { view: View::Anterior, at: (23, 79), label: clinical!("lower belly above the angle of the jaw") },
        ],
        zones: &[
            // Jaw and molar teeth.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(13, 66), (20, 61), (27, 63), (28, 71), (25, 80), (21, 88), (14, 92), (9, 88), (9, 78), (10, 71)] },
            // Ear, front and back.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(28, 45), (33, 46), (35, 52), (33, 60), (28, 62), (25, 54)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(28, 45), (33, 46), (35, 52), (33, 60), (28, 62), (25, 54)] },
            // Eyebrow.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(8, 38), (16, 35), (24, 37), (27, 42), (22, 45), (13, 45), (7, 43)] },
        ],
        refers_to: clinical!("Lower jaw and molar teeth (upper and lower), the ear and the region in front of it; spillover over the eyebrow."),
    },
];

#[rustfmt::skip]
pub const CAUTIONS: &[Caution] = &[
    Caution { muscle: "upper_trapezius", kind: CautionKind::Lung,
              reason: clinical!("The apex of the lung rises above the inner third of the collarbone, just in front of and below the upper trapezius near the neck."),
              guidance: clinical!("Lift the free upper border in a pincer grip between thumb and fingers and needle across the fold toward your own finger pad, horizontally front-to-back or back-to-front, never straight down toward the apex. Stay inside the lifted fibres and do not needle both sides of the thorax in one session.") },
    Caution { muscle: "anterior_scalene", kind: CautionKind::Lung,
              reason: clinical!("The dome of the pleura and the lung apex lie just below the lower end of the scalenes, behind the inner collarbone."),
              guidance: clinical!("Needle only well above the collarbone. Direct the needle horizontally toward the front of the cervical transverse processes, never down toward the first rib or the chest. Keep shallow, and do not needle both sides of the thorax in one session.") },
    Caution { muscle: "middle_scalene", kind: CautionKind::Lung,
              reason: clinical!("The lung apex rises just below the lower middle scalene where it reaches the first rib above the collarbone."),
              guidance: clinical!("Stay in the mid-neck, above the clavicle. Fix the belly between two fingers on the posterior tubercles and aim the needle horizontally at the transverse processes (bone as the stop), never downward. Keep shallow; one side of the thorax per session.") },
    Caution { muscle: "posterior_scalene", kind: CautionKind::Lung,
              reason: clinical!("The posterior scalene runs down to the second rib right over the apex of the lung and the top of the pleura."),
              guidance: clinical!("Needle from behind, hold the muscle between two fingers and aim horizontally at the transverse processes, never down into the root of the neck toward the ribs. Keep shallow; one side of the thorax per session.") },
    Caution { muscle: "anterior_scalene", kind: CautionKind::NerveVessel,
              reason: clinical!("The brachial plexus and the subclavian artery pass just behind it (the interscalene gap), and the phrenic nerve runs over its front."),
              guidance: clinical!("Palpate the gap and keep your fingers on the muscle belly; hold the sternocleidomastoid aside medially and needle shallowly from the side into the belly only. Stop and withdraw if the patient feels an electric or shooting pain into the arm.") },
    Caution { muscle: "middle_scalene", kind: CautionKind::NerveVessel,
              reason: clinical!("The brachial plexus emerges right in front of it, and the dorsal scapular and long thoracic nerves pierce the muscle."),
              guidance: clinical!("Locate the belly behind the interscalene gap, needle from the side and slightly behind, aiming at the posterior tubercles, away from the plexus in front. Keep shallow; stop if the patient reports shooting pain or tingling into the arm.") },
    Caution { muscle: "posterior_scalene", kind: CautionKind::NerveVessel,
              reason: clinical!("The lower brachial plexus and the subclavian vessels lie just in front of it at the root of the neck."),
              guidance: clinical!("Reach the muscle from behind, between the levator scapulae and the middle scalene, and keep the needle pointed away from the plexus in front. Palpate for the subclavian pulse and stay clear; withdraw at any shooting pain into the arm.") },
    Caution { muscle: "sternocleidomastoid", kind: CautionKind::NerveVessel,
              reason: clinical!("The carotid artery and the internal jugular vein run deep and medial to the muscle."),
              guidance: clinical!("Feel the carotid pulse first. Lift the muscle away from the neck in a pincer grip between thumb and fingers, and needle across the lifted belly toward your own finger pad, never deep to the muscle or toward the artery.") },
];
